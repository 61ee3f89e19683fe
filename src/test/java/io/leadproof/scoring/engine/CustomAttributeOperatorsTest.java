package io.leadproof.scoring.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.leadproof.scoring.engine.Fixtures.matches;
import static io.leadproof.scoring.engine.Operator.BETWEEN;
import static io.leadproof.scoring.engine.Operator.CONTAINS;
import static io.leadproof.scoring.engine.Operator.ENDS_WITH;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.GREATER_OR_EQUAL;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.IS_NOT_SET;
import static io.leadproof.scoring.engine.Operator.IS_SET;
import static io.leadproof.scoring.engine.Operator.LESS_OR_EQUAL;
import static io.leadproof.scoring.engine.Operator.NOT_EQUALS;
import static io.leadproof.scoring.engine.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

class CustomAttributeOperatorsTest {
    private final LeadSnapshot lead = LeadSnapshot.builder()
            .customAttribute("plan", "Enterprise")
            .customAttribute("seats", 40)
            .customAttribute("seatsFromCsv", "25")
            .customAttribute("arr", new BigDecimal("1200.50"))
            .customAttribute("ratio", 0.75)
            .customAttribute("gdprConsent", true)
            .customAttribute("tools", List.of("Salesforce", "HubSpot"))
            .customAttribute("empty", "  ")
            .build();

    @Test
    void textValuesCompareCaseInsensitively() {
        assertThat(matches(Predicate.custom("plan", EQUALS, "enterprise"), lead)).isTrue();
        assertThat(matches(Predicate.custom("plan", IN, "starter", "ENTERPRISE"), lead)).isTrue();
        assertThat(matches(Predicate.custom("plan", NOT_EQUALS, "starter"), lead)).isTrue();
        assertThat(matches(Predicate.custom("plan", CONTAINS, "prise"), lead)).isTrue();
        assertThat(matches(Predicate.custom("plan", ENDS_WITH, "starter"), lead)).isFalse();
    }

    @Test
    void numericValuesCompareAsNumbersWhateverTheirJavaType() {
        assertThat(matches(Predicate.custom("seats", GREATER_OR_EQUAL, "40"), lead)).isTrue();
        assertThat(matches(Predicate.custom("seats", EQUALS, "40.00"), lead)).isTrue();
        assertThat(matches(Predicate.custom("seats", BETWEEN, "41", "100"), lead)).isFalse();
        assertThat(matches(Predicate.custom("arr", LESS_OR_EQUAL, "1200.5"), lead)).isTrue();
        assertThat(matches(Predicate.custom("ratio", BETWEEN, "0.5", "0.75"), lead)).isTrue();
        assertThat(matches(Predicate.custom("ratio", GREATER_OR_EQUAL, "0.76"), lead)).isFalse();
    }

    @Test
    void numericTextIsComparedAsANumber() {
        assertThat(matches(Predicate.custom("seatsFromCsv", GREATER_OR_EQUAL, "20"), lead)).isTrue();
        assertThat(matches(Predicate.custom("seatsFromCsv", EQUALS, "25.0"), lead)).isTrue();
        assertThat(matches(Predicate.custom("plan", GREATER_OR_EQUAL, "0"), lead))
                .as("a non-numeric value never satisfies a numeric comparison").isFalse();
    }

    @Test
    void booleansCompareWithTrueOrFalse() {
        assertThat(matches(Predicate.custom("gdprConsent", EQUALS, "TRUE"), lead)).isTrue();
        assertThat(matches(Predicate.custom("gdprConsent", EQUALS, "false"), lead)).isFalse();
        assertThat(matches(Predicate.custom("gdprConsent", NOT_EQUALS, "false"), lead)).isTrue();
    }

    @Test
    void aListMatchesWhenAnyElementDoes() {
        assertThat(matches(Predicate.custom("tools", EQUALS, "hubspot"), lead)).isTrue();
        assertThat(matches(Predicate.custom("tools", IN, "Marketo", "Salesforce"), lead)).isTrue();
        assertThat(matches(Predicate.custom("tools", NOT_IN, "Marketo", "Pardot"), lead)).isTrue();
        assertThat(matches(Predicate.custom("tools", NOT_IN, "Marketo", "HubSpot"), lead)).isFalse();
        assertThat(matches(Predicate.custom("tools", CONTAINS, "force"), lead)).isTrue();
    }

    @Test
    void missingOrBlankAttributesAreNotSet() {
        assertThat(matches(Predicate.custom("plan", IS_SET), lead)).isTrue();
        assertThat(matches(Predicate.custom("empty", IS_SET), lead)).isFalse();
        assertThat(matches(Predicate.custom("absent", IS_NOT_SET), lead)).isTrue();
        assertThat(matches(Predicate.custom("absent", NOT_EQUALS, "x"), lead)).isFalse();
        assertThat(matches(Predicate.custom("empty", NOT_IN, "x"), lead)).isFalse();
    }

    @Test
    void keysAreExact() {
        assertThat(matches(Predicate.custom("Plan", IS_SET), lead)).isFalse();
    }

    @Test
    void evidenceNamesTheAttribute() {
        Score score = Fixtures.score(lead, List.of(),
                new FitRule("ent", "Enterprise plan", Predicate.custom("plan", EQUALS, "enterprise"), 5),
                new FitRule("crm", "Uses a CRM", Predicate.custom("tools", CONTAINS, "force"), 5),
                new FitRule("big", "Many seats", Predicate.custom("seats", GREATER_OR_EQUAL, "40"), 5));
        assertThat(score.contributions()).extracting(Contribution::evidence).containsExactly(
                "custom attribute 'plan' 'Enterprise' equals 'enterprise'",
                "custom attribute 'tools' ['Salesforce', 'HubSpot'] contains 'force'",
                "custom attribute 'seats' 40 ≥ 40");
    }
}
