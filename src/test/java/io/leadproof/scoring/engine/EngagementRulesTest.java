package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedList;
import java.util.List;

import static io.leadproof.lead.ActivityType.DEMO_REQUESTED;
import static io.leadproof.lead.ActivityType.EBOOK_DOWNLOAD;
import static io.leadproof.lead.ActivityType.PAGE_VIEW;
import static io.leadproof.lead.ActivityType.TRIAL_STARTED;
import static io.leadproof.lead.ActivityType.UNSUBSCRIBED;
import static io.leadproof.lead.FunnelStage.BOFU;
import static io.leadproof.lead.FunnelStage.MOFU;
import static io.leadproof.lead.FunnelStage.TOFU;
import static io.leadproof.scoring.engine.Fixtures.AS_OF;
import static io.leadproof.scoring.engine.Fixtures.activity;
import static io.leadproof.scoring.engine.Fixtures.daysBefore;
import static io.leadproof.scoring.engine.Fixtures.engagement;
import static io.leadproof.scoring.engine.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

class EngagementRulesTest {
    private static final Duration DAYS_30 = Duration.ofDays(30);
    private static final Duration DAYS_90 = Duration.ofDays(90);
    private final LeadSnapshot lead = LeadSnapshot.builder().build();

    private Score score(List<ActivityFact> activities, Rule... rules) {
        return Fixtures.score(lead, activities, rules);
    }

    @Test
    void eachOccurrenceEarnsThePointsUntilTheCap() {
        EngagementRule ebook = engagement(EBOOK_DOWNLOAD, TOFU, DAYS_90, 5, 15, null);
        assertThat(score(List.of(activity(EBOOK_DOWNLOAD, TOFU, daysBefore(1)),
                activity(EBOOK_DOWNLOAD, TOFU, daysBefore(2))), ebook).engagement()).isEqualTo(10);
        Score fourDownloads = score(List.of(activity(EBOOK_DOWNLOAD, TOFU, daysBefore(1)),
                activity(EBOOK_DOWNLOAD, TOFU, daysBefore(2)), activity(EBOOK_DOWNLOAD, TOFU, daysBefore(3)),
                activity(EBOOK_DOWNLOAD, TOFU, daysBefore(4))), ebook);
        assertThat(fourDownloads.engagement()).isEqualTo(15);
        assertThat(only(fourDownloads).evidence())
                .isEqualTo("4 × EBOOK_DOWNLOAD (TOFU) in last 90 days, 5 pts each → 15 (capped at 15)");
    }

    @Test
    void stageAndTypeMustMatch() {
        EngagementRule ebook = engagement(EBOOK_DOWNLOAD, TOFU, DAYS_90, 5, 15, null);
        Score score = score(List.of(activity(EBOOK_DOWNLOAD, MOFU, daysBefore(1)),
                activity(EBOOK_DOWNLOAD, null, daysBefore(1)), activity(PAGE_VIEW, TOFU, daysBefore(1))), ebook);
        assertThat(score.contributions()).isEmpty();
    }

    @Test
    void aRuleWithoutTypeCountsEveryActivityOfItsStage() {
        EngagementRule bofu = new EngagementRule("bofu-offer", "BOFU offer", null, BOFU, null, DAYS_90, 20, 40, null);
        Score score = score(List.of(activity(DEMO_REQUESTED, BOFU, daysBefore(5)),
                activity(PAGE_VIEW, TOFU, daysBefore(5))), bofu);
        assertThat(only(score)).isEqualTo(new Contribution("bofu-offer", "BOFU offer", RuleKind.ENGAGEMENT, 20,
                "1 × any activity (BOFU) in last 90 days, 20 pts each → 20 (cap 40)"));
    }

    @Test
    void aContentTagNarrowsTheRule() {
        EngagementRule guide = new EngagementRule("guide", "Buyer's guide", EBOOK_DOWNLOAD, null, "buyers-guide",
                DAYS_90, 7, 7, null);
        Score score = score(List.of(new ActivityFact(EBOOK_DOWNLOAD, TOFU, "Buyers-Guide", daysBefore(1)),
                new ActivityFact(EBOOK_DOWNLOAD, TOFU, "other", daysBefore(1)),
                new ActivityFact(EBOOK_DOWNLOAD, TOFU, null, daysBefore(1))), guide);
        assertThat(only(score).points()).isEqualTo(7);
        assertThat(only(score).evidence()).startsWith("1 × EBOOK_DOWNLOAD tagged 'buyers-guide' in last 90 days");
    }

    @Test
    void negativePointsAreCappedInMagnitude() {
        EngagementRule unsubscribed = engagement(UNSUBSCRIBED, null, DAYS_90, -5, 12, null);
        Score score = score(List.of(activity(UNSUBSCRIBED, null, daysBefore(1)),
                activity(UNSUBSCRIBED, null, daysBefore(2)), activity(UNSUBSCRIBED, null, daysBefore(3))), unsubscribed);
        assertThat(score.engagement()).isEqualTo(-12);
        assertThat(score.total()).isEqualTo(-12);
        assertThat(only(score).evidence()).isEqualTo("3 × UNSUBSCRIBED in last 90 days, -5 pts each → -12 (capped at -12)");
        EngagementRule negativeCap = engagement(UNSUBSCRIBED, null, DAYS_90, -5, -12, null);
        assertThat(score(List.of(activity(UNSUBSCRIBED, null, daysBefore(1))), negativeCap).engagement()).isEqualTo(-5);
    }

    @Test
    void windowExcludesItsStartAndIncludesAsOf() {
        EngagementRule view = engagement(PAGE_VIEW, null, DAYS_30, 1, 100, null);
        Instant start = AS_OF.minus(DAYS_30);
        assertThat(score(List.of(activity(PAGE_VIEW, null, start)), view).contributions()).isEmpty();
        assertThat(score(List.of(activity(PAGE_VIEW, null, start.plusNanos(1))), view).engagement()).isEqualTo(1);
        assertThat(score(List.of(activity(PAGE_VIEW, null, AS_OF)), view).engagement()).isEqualTo(1);
    }

    @Test
    void activitiesAfterAsOfAreIgnored() {
        EngagementRule view = engagement(PAGE_VIEW, null, DAYS_30, 1, 100, null);
        Score score = score(List.of(activity(PAGE_VIEW, null, AS_OF.plusNanos(1)),
                activity(PAGE_VIEW, null, AS_OF.plus(Duration.ofDays(3))),
                activity(PAGE_VIEW, null, daysBefore(1))), view);
        assertThat(score.engagement()).isEqualTo(1);
    }

    @Test
    void decayHalvesThePointsEveryHalfLifeAndRoundsOncePerRule() {
        EngagementRule decaying = engagement(PAGE_VIEW, null, DAYS_90, 10, 100, Duration.ofDays(7));
        // 10·0.5^1 + 10·0.5^2 + 10·0.5^2 = 5 + 2.5 + 2.5 = 10 (per-occurrence rounding would give 11)
        Score score = score(List.of(activity(PAGE_VIEW, null, daysBefore(7)),
                activity(PAGE_VIEW, null, daysBefore(14)), activity(PAGE_VIEW, null, daysBefore(14))), decaying);
        assertThat(score.engagement()).isEqualTo(10);
        assertThat(only(score).evidence())
                .isEqualTo("3 × PAGE_VIEW in last 90 days, 10 pts each, decayed with half-life 7 days → 10 (cap 100)");
    }

    @Test
    void decayOfAFractionOfAHalfLife() {
        EngagementRule decaying = engagement(PAGE_VIEW, null, DAYS_90, 10, 100, Duration.ofDays(14));
        // 10·0.5^(7/14) = 7.071… → 7;  20·0.5^(7/14) = 14.142… → 14
        assertThat(score(List.of(activity(PAGE_VIEW, null, daysBefore(7))), decaying).engagement()).isEqualTo(7);
        assertThat(score(List.of(activity(PAGE_VIEW, null, daysBefore(7)), activity(PAGE_VIEW, null, daysBefore(7))),
                decaying).engagement()).isEqualTo(14);
    }

    @Test
    void decayCountsSubSecondAges() {
        EngagementRule fast = engagement(PAGE_VIEW, null, DAYS_90, 100, 100, Duration.ofSeconds(1));
        // 100·0.5^0.5 = 70.71… → 71
        assertThat(score(List.of(activity(PAGE_VIEW, null, AS_OF.minusMillis(500))), fast).engagement()).isEqualTo(71);
    }

    @Test
    void decayedHalvesRoundHalfUpAwayFromZero() {
        EngagementRule plus = engagement(PAGE_VIEW, null, DAYS_90, 5, 100, Duration.ofDays(1));
        EngagementRule minus = engagement(PAGE_VIEW, null, DAYS_90, -5, 100, Duration.ofDays(1));
        List<ActivityFact> dayOld = List.of(activity(PAGE_VIEW, null, daysBefore(1)));
        assertThat(score(dayOld, plus).engagement()).as("2.5 → 3").isEqualTo(3);
        assertThat(score(dayOld, minus).engagement()).as("-2.5 → -3").isEqualTo(-3);
    }

    @Test
    void decayedPointsAreCappedBeforeRounding() {
        EngagementRule decaying = engagement(PAGE_VIEW, null, DAYS_90, 10, 12, Duration.ofDays(7));
        Score score = score(List.of(activity(PAGE_VIEW, null, AS_OF), activity(PAGE_VIEW, null, daysBefore(7))), decaying);
        assertThat(score.engagement()).as("15 capped at 12").isEqualTo(12);
    }

    @Test
    void fullyDecayedOccurrencesStillShowAsAZeroPointContribution() {
        EngagementRule decaying = engagement(PAGE_VIEW, null, DAYS_90, 1, 10, Duration.ofDays(1));
        Score score = score(List.of(activity(PAGE_VIEW, null, daysBefore(60))), decaying);
        assertThat(only(score).points()).isZero();
        assertThat(only(score).evidence()).contains("→ 0");
    }

    @Test
    void orderAndListTypeOfActivitiesDoNotMatter() {
        EngagementRule trial = engagement(TRIAL_STARTED, BOFU, DAYS_30, 9, 100, Duration.ofDays(3));
        List<ActivityFact> forward = List.of(activity(TRIAL_STARTED, BOFU, daysBefore(1)),
                activity(TRIAL_STARTED, BOFU, daysBefore(4)), activity(TRIAL_STARTED, BOFU, daysBefore(29)));
        LinkedList<ActivityFact> backward = new LinkedList<>(forward.reversed());
        assertThat(score(backward, trial)).isEqualTo(score(forward, trial));
    }

    @Test
    void windowsOfHoursAreDescribedInHours() {
        EngagementRule burst = new EngagementRule("burst", "Burst", ActivityType.PRICING_PAGE_VIEW, FunnelStage.BOFU,
                null, Duration.ofHours(36), 1, 1, null);
        Score score = score(List.of(activity(ActivityType.PRICING_PAGE_VIEW, BOFU, AS_OF.minusSeconds(60))), burst);
        assertThat(only(score).evidence()).isEqualTo("1 × PRICING_PAGE_VIEW (BOFU) in last 36 hours, 1 pt each → 1 (cap 1)");
    }
}
