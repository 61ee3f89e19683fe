package io.leadproof.scoring.engine;

import org.junit.jupiter.api.Test;

import static io.leadproof.scoring.engine.Fixtures.matches;
import static io.leadproof.scoring.engine.LeadField.COUNTRY;
import static io.leadproof.scoring.engine.LeadField.EMAIL_DOMAIN;
import static io.leadproof.scoring.engine.LeadField.INDUSTRY;
import static io.leadproof.scoring.engine.LeadField.JOB_TITLE;
import static io.leadproof.scoring.engine.Operator.CONTAINS;
import static io.leadproof.scoring.engine.Operator.ENDS_WITH;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.IS_NOT_SET;
import static io.leadproof.scoring.engine.Operator.IS_SET;
import static io.leadproof.scoring.engine.Operator.NOT_EQUALS;
import static io.leadproof.scoring.engine.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

class TextOperatorsTest {
    private final LeadSnapshot saasLead = LeadSnapshot.builder()
            .industry("  SaaS ").jobTitle("VP of Sales").country("de").emailDomain("mail.acme.edu").build();
    private final LeadSnapshot unknownLead = LeadSnapshot.builder().industry("   ").build();

    @Test
    void equalsIgnoresCaseAndSurroundingSpace() {
        assertThat(matches(Predicate.of(INDUSTRY, EQUALS, "saas"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(INDUSTRY, EQUALS, " SAAS"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(INDUSTRY, EQUALS, "fintech"), saasLead)).isFalse();
    }

    @Test
    void notEqualsMatchesOnlyAKnownDifferentValue() {
        assertThat(matches(Predicate.of(INDUSTRY, NOT_EQUALS, "fintech"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(INDUSTRY, NOT_EQUALS, "SaaS"), saasLead)).isFalse();
        assertThat(matches(Predicate.of(INDUSTRY, NOT_EQUALS, "fintech"), unknownLead)).isFalse();
    }

    @Test
    void inMatchesAnyListedValue() {
        assertThat(matches(Predicate.of(COUNTRY, IN, "FR", "DE"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(COUNTRY, IN, "FR", "US"), saasLead)).isFalse();
    }

    @Test
    void inWithALongListUsesTheSameSemantics() {
        String[] many = {"at", "be", "ch", "dk", "es", "fi", "fr", "gb", "ie", "it", "DE"};
        assertThat(matches(Predicate.of(COUNTRY, IN, many), saasLead)).isTrue();
        assertThat(matches(Predicate.of(COUNTRY, NOT_IN, many), saasLead)).isFalse();
    }

    @Test
    void notInMatchesAKnownValueOutsideTheList() {
        assertThat(matches(Predicate.of(COUNTRY, NOT_IN, "FR", "US"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(COUNTRY, NOT_IN, "FR", "DE"), saasLead)).isFalse();
        assertThat(matches(Predicate.of(COUNTRY, NOT_IN, "FR", "US"), unknownLead))
                .as("an unknown country is not an unserved country").isFalse();
    }

    @Test
    void containsIsACaseInsensitiveSubstring() {
        assertThat(matches(Predicate.of(JOB_TITLE, CONTAINS, "sales"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(JOB_TITLE, CONTAINS, "chief", "VP"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(JOB_TITLE, CONTAINS, "marketing"), saasLead)).isFalse();
    }

    @Test
    void endsWithMatchesADomainSuffix() {
        assertThat(matches(Predicate.of(EMAIL_DOMAIN, ENDS_WITH, ".EDU"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(EMAIL_DOMAIN, ENDS_WITH, ".ac.uk", ".edu"), saasLead)).isTrue();
        assertThat(matches(Predicate.of(EMAIL_DOMAIN, ENDS_WITH, ".com"), saasLead)).isFalse();
    }

    @Test
    void blankTextIsNotSet() {
        assertThat(matches(Predicate.of(INDUSTRY, IS_SET), saasLead)).isTrue();
        assertThat(matches(Predicate.of(INDUSTRY, IS_SET), unknownLead)).isFalse();
        assertThat(matches(Predicate.of(INDUSTRY, IS_NOT_SET), unknownLead)).isTrue();
        assertThat(matches(Predicate.of(JOB_TITLE, IS_NOT_SET), unknownLead)).isTrue();
        assertThat(matches(Predicate.of(JOB_TITLE, IS_NOT_SET), saasLead)).isFalse();
    }

    @Test
    void noPositiveOperatorMatchesAMissingValue() {
        for (Predicate p : new Predicate[]{Predicate.of(JOB_TITLE, EQUALS, "x"), Predicate.of(JOB_TITLE, IN, "x"),
                Predicate.of(JOB_TITLE, CONTAINS, "x"), Predicate.of(JOB_TITLE, ENDS_WITH, "x")}) {
            assertThat(matches(p, unknownLead)).as(p.toString()).isFalse();
        }
    }

    @Test
    void evidenceQuotesTheLeadsValueAndTheMatchedValue() {
        Score score = Fixtures.score(saasLead, java.util.List.of(),
                new FitRule("vp", "VP", Predicate.of(JOB_TITLE, CONTAINS, "chief", "vp"), 5),
                new FitRule("edu", "Edu", Predicate.of(EMAIL_DOMAIN, IN, "mail.acme.edu", "x.edu"), -5));
        assertThat(score.contributions()).extracting(Contribution::evidence).containsExactly(
                "job title 'VP of Sales' contains 'vp'",
                "email domain 'mail.acme.edu' is in ['mail.acme.edu', 'x.edu']");
    }
}
