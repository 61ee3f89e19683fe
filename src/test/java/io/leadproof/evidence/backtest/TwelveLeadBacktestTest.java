package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.Seniority;
import io.leadproof.scoring.engine.ActivityFact;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.KnockoutRule;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.ScoringEngine;
import io.leadproof.scoring.engine.Thresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A marketer loosens the threshold from 50 to 30 and knocks out students, then backtests the draft on
 * twelve leads. Both versions: budget approved +30, a demo request +30 (cap 30). Totals: L1–L3 60
 * (L3 a student), L4–L8 and L12 30 (L12's demo request came after its moment), L9–L11 0.
 * Every figure below is worked out by hand from this table.
 */
class TwelveLeadBacktestTest {
    private static final Instant MOMENT = Instant.parse("2025-05-01T12:00:00Z");

    private static final FitRule BUDGET = new FitRule("budget", "Budget approved",
            Predicate.of(LeadField.BUDGET_STATUS, Operator.EQUALS, "APPROVED"), 30);
    private static final EngagementRule DEMO = new EngagementRule("demo", "Demo request", ActivityType.DEMO_REQUESTED,
            null, null, Duration.ofDays(90), 30, 30, null);
    private static final CriteriaVersionSpec ACTIVE = new CriteriaVersionSpec("v1", List.of(BUDGET, DEMO), Thresholds.mql(50));
    private static final CriteriaVersionSpec DRAFT = new CriteriaVersionSpec("v2-draft", List.of(BUDGET, DEMO,
            new KnockoutRule("student", "Student", Predicate.of(LeadField.SENIORITY, Operator.EQUALS, "STUDENT"))),
            Thresholds.mql(30));

    private static UUID id(int n) {
        return new UUID(0xB7, n);
    }

    private static BacktestLead lead(int n, boolean budget, Integer demoDaysBefore, Seniority seniority, Outcome outcome,
                                     String owner, double probability) {
        LeadSnapshot traits = LeadSnapshot.builder().budgetStatus(budget ? BudgetStatus.APPROVED : null)
                .seniority(seniority).build();
        List<ActivityFact> activities = demoDaysBefore == null ? List.of()
                : List.of(ActivityFact.of(ActivityType.DEMO_REQUESTED, FunnelStage.BOFU, MOMENT.minus(Duration.ofDays(demoDaysBefore))));
        return new BacktestLead(id(n), MOMENT, traits, null, null, activities, outcome, outcome == null ? null : MOMENT, owner, probability);
    }

    private static Outcome outcome(OutcomeKind kind) {
        return Outcome.of(kind, MOMENT.plus(Duration.ofDays(20)));
    }

    private static Outcome rejected(String code, RejectionCategory category) {
        return Outcome.rejected(code, category, MOMENT.plus(Duration.ofDays(2)));
    }

    private static BacktestResult run() {
        return run(BacktestOptions.over(Duration.ofDays(28)));
    }

    private static BacktestResult run(BacktestOptions options) {
        Backtest backtest = Backtest.start(ScoringEngine.compile(DRAFT), ScoringEngine.compile(ACTIVE), options);
        List.of(
                lead(1, true, 5, null, outcome(OutcomeKind.WON), "ana", 0.9),
                lead(2, true, 5, null, outcome(OutcomeKind.LOST), "ben", 0.6),
                lead(3, true, 5, Seniority.STUDENT, rejected("STUDENT_OR_JOB_SEEKER", RejectionCategory.FIT), "ana", 0.5),
                lead(4, true, null, null, outcome(OutcomeKind.WON), "ben", 0.8),
                lead(5, true, null, null, rejected("NO_AUTHORITY", RejectionCategory.AUTHORITY), "ana", 0.4),
                lead(6, false, 5, null, rejected("NO_BUDGET", RejectionCategory.BUDGET), "ben", 0.3),
                lead(7, false, 5, null, outcome(OutcomeKind.STALLED), "ana", 0.2),
                lead(8, false, 5, null, outcome(OutcomeKind.OPEN), "ben", 0.15),
                lead(9, false, null, null, outcome(OutcomeKind.WON), "ana", 0.7),
                lead(10, false, null, null, null, null, 0.1),
                lead(11, false, null, null, null, null, 0.05),
                lead(12, true, -1, null, null, null, 0.12)
        ).forEach(backtest::accept);
        return backtest.finish();
    }

    @Test
    void theActiveVersionQualifiesThreeLeads() {
        VersionFigures active = run().baseline();
        assertThat(active.leads()).isEqualTo(12);
        assertThat(active.wouldBeMqls()).isEqualTo(3);
        assertThat(active.qualificationRate()).isEqualTo(0.25);
        assertThat(active.handoffsPerRepPerWeek()).as("3 MQLs / 4 weeks / 2 reps").isEqualTo(0.375);
        assertThat(active.decidedAmongMqls()).isEqualTo(3);
        assertThat(active.precision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(active.recall()).as("L1 of the won L1, L4, L9").isCloseTo(1.0 / 3, within(1e-12));
        assertThat(active.badLeadRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(active.badLeadRateByCategory()).containsEntry(RejectionCategory.FIT, 1.0 / 3)
                .containsEntry(RejectionCategory.BUDGET, 0.0);
    }

    @Test
    void theDraftWouldHaveSentEightLeadsAndMissedOneWonDealLess() {
        VersionFigures draft = run().tested();
        assertThat(draft.wouldBeMqls()).as("L1, L2, L4–L8, L12; the student L3 is knocked out").isEqualTo(8);
        assertThat(draft.qualificationRate()).isCloseTo(8.0 / 12, within(1e-12));
        assertThat(draft.handoffsPerRepPerWeek()).isEqualTo(1.0);
        assertThat(draft.decidedAmongMqls()).as("L8 is open, L12 never handed off").isEqualTo(6);
        assertThat(draft.wonAmongMqls()).isEqualTo(2);
        assertThat(draft.rejectedAmongMqls()).isEqualTo(2);
        assertThat(draft.precision()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(draft.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(draft.badLeadRate()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(draft.badLeadRateByCategory()).containsEntry(RejectionCategory.BUDGET, 1.0 / 6)
                .containsEntry(RejectionCategory.AUTHORITY, 1.0 / 6).containsEntry(RejectionCategory.FIT, 0.0);
    }

    @Test
    void theDifferenceIsTestedMinusBaseline() {
        BacktestResult.Difference difference = run().difference();
        assertThat(difference.wouldBeMqls()).isEqualTo(5);
        assertThat(difference.qualificationRate()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(difference.handoffsPerRepPerWeek()).isEqualTo(0.625);
        assertThat(difference.precision()).isCloseTo(0, within(1e-12));
        assertThat(difference.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(difference.auc()).as("a knock-out leaves the totals alone").isZero();
    }

    @Test
    void theLeadsThatChangeSideComeWithTheirOutcomes() {
        BacktestResult result = run();
        assertThat(result.newlyQualified().leadIds()).containsExactly(id(4), id(5), id(6), id(7), id(8), id(12));
        assertThat(result.newlyQualified().countByOutcome()).isEqualTo(Map.of(OutcomeKind.WON, 1,
                OutcomeKind.REJECTED, 2, OutcomeKind.STALLED, 1, OutcomeKind.OPEN, 1));
        assertThat(result.newlyQualified().rejectedByReason()).isEqualTo(Map.of("NO_AUTHORITY", 1, "NO_BUDGET", 1));
        assertThat(result.newlyQualified().outcome(5)).as("L12 was never handed off").isNull();
        assertThat(result.newlyExcluded().leadIds()).containsExactly(id(3));
        assertThat(result.newlyExcluded().rejectionCode(0)).isEqualTo("STUDENT_OR_JOB_SEEKER");
        assertThat(result.actualHandoffs()).isEqualTo(9);
        assertThat(result.wonLeads()).isEqualTo(3);
    }

    @Test
    void aucAndScoreBandsOfTheTotal() {
        VersionFigures active = run().baseline();
        // won at 60, 30, 0; the rest: 2 at 60, 5 at 30, 2 at 0 → (7 + 1 + 2 + 2.5 + 0 + 1) / (3 × 9)
        assertThat(active.auc()).isCloseTo(13.5 / 27, within(1e-12));
        assertThat(active.scoreBands()).extracting(ScoreBandOutcome::from, ScoreBandOutcome::leads,
                ScoreBandOutcome::decided, ScoreBandOutcome::won).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 3L, 1L, 1L),
                org.assertj.core.groups.Tuple.tuple(30, 6L, 4L, 1L),
                org.assertj.core.groups.Tuple.tuple(60, 3L, 3L, 1L));
        ScoreBandOutcome top = active.scoreBands().get(2);
        assertThat(top.to()).isEqualTo(70);
        assertThat(top.winRate().value()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(top.winRate().lower()).isLessThan(1.0 / 3);
    }

    @Test
    void thePredictiveScoreIsComparedAtTheSameVolume() {
        PredictiveComparison predictive = run().predictive();
        assertThat(predictive.scoredLeads()).isEqualTo(12);
        assertThat(predictive.auc()).as("every won lead above every other").isEqualTo(1.0);
        assertThat(predictive.rulesAuc()).isCloseTo(0.5, within(1e-12));
        assertThat(predictive.volume()).isEqualTo(8);
        assertThat(predictive.precisionAtVolume()).as("top 8: L1 L4 L9 L2 L3 L5 L6 L7, all decided, 3 won").isEqualTo(3.0 / 8);
        assertThat(predictive.rulesPrecision()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void salesCountOnlyRejectionsAsBadLostAndStalledDealsAreLeftOut() {
        var options = new BacktestOptions(Duration.ofDays(28), null, 10, OutcomeGroup.won(),
                new OutcomeGroup("rejected deals", Set.of(OutcomeKind.REJECTED), Set.of()));
        VersionFigures active = run(options).baseline();
        assertThat(active.decidedAmongMqls()).as("L1 won, L3 rejected; the lost L2 counts neither way").isEqualTo(2);
        assertThat(active.precision()).isEqualTo(0.5);
        assertThat(active.badLeadRate()).isEqualTo(0.5);
        assertThat(active.recall()).isCloseTo(1.0 / 3, within(1e-12));
        VersionFigures draft = run(options).tested();
        assertThat(draft.decidedAmongMqls()).as("L1, L4 won, L5, L6 rejected; L2 lost, L7 stalled, L8 open left out").isEqualTo(4);
        assertThat(draft.precision()).isEqualTo(0.5);
        assertThat(draft.badLeadRate()).isEqualTo(0.5);
        assertThat(draft.recall()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void aLostDealCountedAsGoodMovesRecallAndTheAuc() {
        var options = new BacktestOptions(Duration.ofDays(28), null, 10,
                new OutcomeGroup("won or lost deals", Set.of(OutcomeKind.WON, OutcomeKind.LOST), Set.of()),
                new OutcomeGroup("rejected deals (budget)", Set.of(OutcomeKind.REJECTED), Set.of(RejectionCategory.BUDGET)));
        BacktestResult result = run(options);
        assertThat(result.wonLeads()).as("L1, L2, L4, L9").isEqualTo(4);
        VersionFigures active = result.baseline();
        assertThat(active.decidedAmongMqls()).as("L1, L2; L3's rejection is for FIT").isEqualTo(2);
        assertThat(active.precision()).isEqualTo(1.0);
        assertThat(active.recall()).isEqualTo(0.5);
        // good at 60, 60, 30, 0; the rest: 1 at 60, 5 at 30, 2 at 0 → (7.5 + 7.5 + 4.5 + 1) / (4 × 8)
        assertThat(active.auc()).isCloseTo(20.5 / 32, within(1e-12));
        VersionFigures draft = result.tested();
        assertThat(draft.decidedAmongMqls()).as("L1, L2, L4 good, L6 rejected for NO_BUDGET").isEqualTo(4);
        assertThat(draft.precision()).isEqualTo(0.75);
        assertThat(draft.badLeadRate()).isEqualTo(0.25);
        assertThat(draft.badLeadRateByCategory()).containsEntry(RejectionCategory.BUDGET, 0.25)
                .containsEntry(RejectionCategory.AUTHORITY, 0.0);
    }

    @Test
    void anOutcomeCannotBeGoodAndBadAtOnce() {
        assertThatThrownBy(() -> new BacktestOptions(Duration.ofDays(28), null, 10, OutcomeGroup.won(),
                new OutcomeGroup("won or lost deals", Set.of(OutcomeKind.WON, OutcomeKind.LOST), Set.of())))
                .hasMessageContaining("both good and bad");
    }
}
