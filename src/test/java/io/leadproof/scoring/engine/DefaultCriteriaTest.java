package io.leadproof.scoring.engine;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.Seniority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadproof.lead.ActivityType.DEMO_REQUESTED;
import static io.leadproof.lead.ActivityType.EBOOK_DOWNLOAD;
import static io.leadproof.lead.ActivityType.PRICING_PAGE_VIEW;
import static io.leadproof.lead.ActivityType.TRIAL_STARTED;
import static io.leadproof.lead.FunnelStage.BOFU;
import static io.leadproof.lead.FunnelStage.TOFU;
import static io.leadproof.scoring.engine.Fixtures.AS_OF;
import static io.leadproof.scoring.engine.Fixtures.activity;
import static io.leadproof.scoring.engine.Fixtures.daysBefore;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultCriteriaTest {
    private final CompiledCriteria defaults = ScoringEngine.compile(DefaultCriteria.spec());

    private final LeadSnapshot cto = LeadSnapshot.builder()
            .jobTitle("Chief Technology Officer").seniority(Seniority.C_LEVEL)
            .budgetStatus(BudgetStatus.APPROVED).authority(Authority.DECISION_MAKER)
            .emailDomain("acme.com").companyName("Acme").build();

    private final List<ActivityFact> history = List.of(
            activity(EBOOK_DOWNLOAD, TOFU, daysBefore(1)),
            activity(EBOOK_DOWNLOAD, TOFU, daysBefore(10)),
            activity(EBOOK_DOWNLOAD, TOFU, daysBefore(20)),
            activity(EBOOK_DOWNLOAD, TOFU, daysBefore(89)),
            activity(EBOOK_DOWNLOAD, TOFU, daysBefore(120)),     // outside the 90-day window
            activity(DEMO_REQUESTED, BOFU, daysBefore(3)),
            activity(PRICING_PAGE_VIEW, null, daysBefore(2)),
            activity(PRICING_PAGE_VIEW, null, daysBefore(45)),   // outside the 30-day window
            activity(TRIAL_STARTED, BOFU, AS_OF.plusSeconds(3600))); // after the scoring moment

    @Test
    void aWorkedExampleScoresExactly() {
        Score score = defaults.score(cto, history, AS_OF);

        assertThat(score.contributions()).containsExactly(
                new Contribution("c-level-title", "C-level title", RuleKind.FIT, 10,
                        "job title 'Chief Technology Officer' → seniority C_LEVEL equals C_LEVEL"),
                new Contribution("budget-approved", "Budget in place", RuleKind.FIT, 15,
                        "budget status APPROVED equals APPROVED"),
                new Contribution("decision-maker", "Decision maker", RuleKind.FIT, 10,
                        "authority DECISION_MAKER equals DECISION_MAKER"),
                new Contribution("tofu-ebook", "Top-of-funnel eBook download", RuleKind.ENGAGEMENT, 15,
                        "4 × EBOOK_DOWNLOAD (TOFU) in last 90 days, 5 pts each → 15 (capped at 15)"),
                new Contribution("bofu-offer", "Bottom-of-funnel offer (demo, trial, contact request…)",
                        RuleKind.ENGAGEMENT, 20, "1 × any activity (BOFU) in last 90 days, 20 pts each → 20 (cap 40)"),
                new Contribution("pricing-page", "Pricing page view", RuleKind.ENGAGEMENT, 10,
                        "1 × PRICING_PAGE_VIEW in last 30 days, 10 pts each → 10 (cap 20)"));
        assertThat(score.fit()).isEqualTo(35);
        assertThat(score.engagement()).isEqualTo(45);
        assertThat(score.total()).isEqualTo(80);
        assertThat(score.qualified()).isTrue();
        assertThat(score.knockedOutBy()).isEmpty();
        assertThat(score.versionId()).isEqualTo("default");
    }

    @Test
    void fitAloneDoesNotReachTheMqlThreshold() {
        Score score = defaults.score(cto, List.of(), AS_OF);
        assertThat(score.total()).isEqualTo(35);
        assertThat(score.qualified()).isFalse();
    }

    @Test
    void aStudentIsKnockedOutWhateverTheEngagement() {
        LeadSnapshot student = LeadSnapshot.builder().jobTitle("Student").seniority(Seniority.STUDENT)
                .budgetStatus(BudgetStatus.APPROVED).build();
        Score score = defaults.score(student, history, AS_OF);
        assertThat(score.total()).isEqualTo(15 + 45);
        assertThat(score.qualified()).isFalse();
        assertThat(score.knockedOutBy()).containsExactly("student");
    }

    @Test
    void aCompetitorIsKnockedOut() {
        LeadSnapshot spy = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).budgetStatus(BudgetStatus.APPROVED)
                .authority(Authority.DECISION_MAKER).emailDomain("Competitor.Example").build();
        Score score = defaults.score(spy, history, AS_OF);
        assertThat(score.total()).isEqualTo(80);
        assertThat(score.qualified()).isFalse();
        assertThat(score.knockedOutBy()).containsExactly("competitor-domain");
        assertThat(score.contributions()).last().extracting(Contribution::evidence)
                .isEqualTo("email domain 'Competitor.Example' is in ['competitor.example', 'rival.example']");
    }

    @Test
    void invalidContactDataIsKnockedOutByTheDefaultModel() {
        LeadSnapshot bounced = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).budgetStatus(BudgetStatus.APPROVED)
                .authority(Authority.DECISION_MAKER).emailDomain("acme.com")
                .quality(new io.leadproof.scoring.engine.QualityFacts(io.leadproof.quality.QualityStatus.INVALID,
                        List.of(io.leadproof.quality.QualityCode.EMAIL_BOUNCED))).build();
        Score score = defaults.score(bounced, history, AS_OF);
        assertThat(score.qualified()).isFalse();
        assertThat(score.knockedOutBy()).containsExactly("invalid-contact-data");
        LeadSnapshot suspect = LeadSnapshot.builder().seniority(Seniority.C_LEVEL).budgetStatus(BudgetStatus.APPROVED)
                .authority(Authority.DECISION_MAKER).emailDomain("acme.com")
                .quality(new io.leadproof.scoring.engine.QualityFacts(io.leadproof.quality.QualityStatus.SUSPECT,
                        List.of(io.leadproof.quality.QualityCode.DUPLICATE))).build();
        assertThat(defaults.score(suspect, history, AS_OF).knockedOutBy()).as("SUSPECT is no knock-out").isEmpty();
    }

    @Test
    void unsubscribingCostsPoints() {
        Score score = defaults.score(cto, List.of(activity(io.leadproof.lead.ActivityType.UNSUBSCRIBED, null, daysBefore(1))), AS_OF);
        assertThat(score.engagement()).isEqualTo(-10);
        assertThat(score.total()).isEqualTo(25);
    }
}
