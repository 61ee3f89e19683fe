package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.Seniority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadproof.scoring.engine.Fixtures.AS_OF;
import static io.leadproof.scoring.engine.Fixtures.activity;
import static io.leadproof.scoring.engine.Fixtures.daysBefore;
import static io.leadproof.scoring.engine.LeadField.COUNTRY;
import static io.leadproof.scoring.engine.LeadField.EMAIL_DOMAIN;
import static io.leadproof.scoring.engine.LeadField.SENIORITY;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.IN;
import static io.leadproof.scoring.engine.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

class FitAndKnockoutRulesTest {
    private final FitRule cLevel = new FitRule("c-level-title", "C-level title", Predicate.of(SENIORITY, EQUALS, "C_LEVEL"), 10);
    private final FitRule consultant = new FitRule("gmail", "Free-mail address", Predicate.of(EMAIL_DOMAIN, IN, "gmail.com"), -8);
    private final KnockoutRule competitor = new KnockoutRule("competitor-domain", "Competitor",
            Predicate.of(EMAIL_DOMAIN, IN, "rivalcorp.com", "competitor.example"));
    private final KnockoutRule unserved = new KnockoutRule("unserved-country", "Unserved country",
            Predicate.of(COUNTRY, NOT_IN, "DE", "AT", "CH"));
    private final EngagementRule demo = new EngagementRule("demo", "Demo request", ActivityType.DEMO_REQUESTED, null,
            null, java.time.Duration.ofDays(90), 60, 60, null);

    @Test
    void aMatchingFitRuleAddsItsPointsWithEvidence() {
        LeadSnapshot lead = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).build();
        Score score = Fixtures.score(lead, List.of(), cLevel);
        assertThat(score.total()).isEqualTo(10);
        assertThat(score.fit()).isEqualTo(10);
        assertThat(score.engagement()).isZero();
        assertThat(score.contributions()).containsExactly(new Contribution("c-level-title", "C-level title",
                RuleKind.FIT, 10, "seniority C_LEVEL equals C_LEVEL"));
        assertThat(score.versionId()).isEqualTo("v-test");
        assertThat(score.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void aRuleThatDoesNotMatchLeavesNoContribution() {
        LeadSnapshot lead = LeadSnapshot.builder().seniority(Seniority.MANAGER).build();
        Score score = Fixtures.score(lead, List.of(), cLevel, competitor);
        assertThat(score.contributions()).isEmpty();
        assertThat(score.total()).isZero();
        assertThat(score.knockedOutBy()).isEmpty();
    }

    @Test
    void negativePointsLowerTheFit() {
        LeadSnapshot lead = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).emailDomain("Gmail.com").build();
        Score score = Fixtures.score(lead, List.of(), cLevel, consultant);
        assertThat(score.fit()).isEqualTo(2);
        assertThat(score.total()).isEqualTo(2);
        assertThat(score.contributions()).extracting(Contribution::points).containsExactly(10, -8);
    }

    @Test
    void aKnockOutDisqualifiesButKeepsThePoints() {
        LeadSnapshot lead = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).emailDomain("rivalcorp.com").build();
        Score score = Fixtures.score(lead, List.of(activity(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, daysBefore(1))),
                cLevel, demo, competitor);
        assertThat(score.total()).isEqualTo(70).isGreaterThanOrEqualTo(50);
        assertThat(score.qualified()).isFalse();
        assertThat(score.knockedOut()).isTrue();
        assertThat(score.knockedOutBy()).containsExactly("competitor-domain");
        assertThat(score.contributions()).last().isEqualTo(new Contribution("competitor-domain", "Competitor",
                RuleKind.KNOCK_OUT, 0, "email domain 'rivalcorp.com' is in ['rivalcorp.com', 'competitor.example']"));
    }

    @Test
    void everyMatchingKnockOutIsNamedInRuleOrder() {
        LeadSnapshot lead = LeadSnapshot.builder().emailDomain("competitor.example").country("US").build();
        Score score = Fixtures.score(lead, List.of(), unserved, competitor);
        assertThat(score.knockedOutBy()).containsExactly("unserved-country", "competitor-domain");
        assertThat(score.contributions()).extracting(Contribution::kind).containsOnly(RuleKind.KNOCK_OUT);
    }

    @Test
    void withoutAKnockOutTheSameLeadQualifies() {
        LeadSnapshot lead = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).emailDomain("acme.com").build();
        Score score = Fixtures.score(lead, List.of(activity(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, daysBefore(1))),
                cLevel, demo, competitor);
        assertThat(score.qualified()).isTrue();
    }

    @Test
    void contributionsFollowTheVersionsRuleOrder() {
        LeadSnapshot lead = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).emailDomain("gmail.com").build();
        Score score = Fixtures.score(lead, List.of(activity(ActivityType.DEMO_REQUESTED, null, daysBefore(3))),
                demo, consultant, cLevel);
        assertThat(score.contributions()).extracting(Contribution::ruleKey).containsExactly("demo", "gmail", "c-level-title");
    }
}
