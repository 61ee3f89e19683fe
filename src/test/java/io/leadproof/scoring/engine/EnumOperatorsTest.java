package io.leadproof.scoring.engine;

import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadproof.scoring.engine.Fixtures.matches;
import static io.leadproof.scoring.engine.LeadField.BUDGET_STATUS;
import static io.leadproof.scoring.engine.LeadField.SENIORITY;
import static io.leadproof.scoring.engine.LeadField.SOURCE;
import static io.leadproof.scoring.engine.LeadField.TIMELINE;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.IS_NOT_SET;
import static io.leadproof.scoring.engine.Operator.IS_SET;
import static io.leadproof.scoring.engine.Operator.NOT_EQUALS;
import static io.leadproof.scoring.engine.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

class EnumOperatorsTest {
    private final LeadSnapshot cto = LeadSnapshot.builder().jobTitle("Chief Technology Officer")
            .seniority(Seniority.C_LEVEL).timeline(Timeline.WITHIN_3_MONTHS).source(LeadSource.REFERRAL)
            .budgetStatus(BudgetStatus.UNKNOWN).build();

    @Test
    void equalsAndNotEquals() {
        assertThat(matches(Predicate.of(SENIORITY, EQUALS, "C_LEVEL"), cto)).isTrue();
        assertThat(matches(Predicate.of(SENIORITY, EQUALS, "c_level"), cto)).as("names are case-insensitive").isTrue();
        assertThat(matches(Predicate.of(SENIORITY, EQUALS, "VP"), cto)).isFalse();
        assertThat(matches(Predicate.of(SENIORITY, NOT_EQUALS, "STUDENT"), cto)).isTrue();
        assertThat(matches(Predicate.of(SENIORITY, NOT_EQUALS, "C_LEVEL"), cto)).isFalse();
    }

    @Test
    void inAndNotIn() {
        assertThat(matches(Predicate.of(TIMELINE, IN, "IMMEDIATE", "WITHIN_3_MONTHS"), cto)).isTrue();
        assertThat(matches(Predicate.of(TIMELINE, IN, "IMMEDIATE"), cto)).isFalse();
        assertThat(matches(Predicate.of(SOURCE, NOT_IN, "LIST_PURCHASE", "OTHER"), cto)).isTrue();
        assertThat(matches(Predicate.of(SOURCE, NOT_IN, "REFERRAL"), cto)).isFalse();
    }

    @Test
    void unknownCountsAsNotSet() {
        assertThat(matches(Predicate.of(BUDGET_STATUS, IS_NOT_SET), cto)).isTrue();
        assertThat(matches(Predicate.of(BUDGET_STATUS, IS_SET), cto)).isFalse();
        assertThat(matches(Predicate.of(BUDGET_STATUS, NOT_EQUALS, "NONE"), cto))
                .as("an unknown budget is not 'other than none'").isFalse();
        assertThat(matches(Predicate.of(BUDGET_STATUS, NOT_IN, "NONE", "PLANNED"), cto)).isFalse();
        assertThat(matches(Predicate.of(SENIORITY, IS_SET), cto)).isTrue();
    }

    @Test
    void nullCountsAsNotSet() {
        LeadSnapshot blank = LeadSnapshot.builder().build();
        assertThat(matches(Predicate.of(SOURCE, IS_NOT_SET), blank)).isTrue();
        assertThat(matches(Predicate.of(SOURCE, NOT_EQUALS, "OTHER"), blank)).isFalse();
        assertThat(matches(Predicate.of(SOURCE, EQUALS, "OTHER"), blank)).isFalse();
    }

    @Test
    void seniorityEvidenceNamesTheJobTitleItCameFrom() {
        Score score = Fixtures.score(cto, List.of(),
                new FitRule("c-level-title", "C-level title", Predicate.of(SENIORITY, EQUALS, "C_LEVEL"), 10),
                new FitRule("soon", "Buying soon", Predicate.of(TIMELINE, IN, "IMMEDIATE", "WITHIN_3_MONTHS"), 5),
                new FitRule("no-budget-yet", "Budget unknown", Predicate.of(BUDGET_STATUS, IS_NOT_SET), -2));
        assertThat(score.contributions()).extracting(Contribution::evidence).containsExactly(
                "job title 'Chief Technology Officer' → seniority C_LEVEL equals C_LEVEL",
                "timeline WITHIN_3_MONTHS is in [IMMEDIATE, WITHIN_3_MONTHS]",
                "budget status is not set");
    }
}
