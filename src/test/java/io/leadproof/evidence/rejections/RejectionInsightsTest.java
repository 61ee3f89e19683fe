package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.core.Verdict;
import io.leadproof.feedback.RejectionCategory;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** What a quarter of rejections says about the criteria (see {@link RejectionFixture}). */
class RejectionInsightsTest {
    private final RejectionInsights.Result result =
            RejectionInsights.analyse(RejectionFixture.handoffs(), ZoneOffset.UTC, SignalOptions.defaults());

    @Test
    void eachReasonAndCategoryHasItsCountShareAndMonthlyTrend() {
        assertThat(result.handoffs()).isEqualTo(65);
        assertThat(result.rejected()).isEqualTo(25);
        assertThat(result.accepted()).isEqualTo(40);
        assertThat(result.reasons()).extracting(ReasonSummary::reasonCode, ReasonSummary::rejected, ReasonSummary::share)
                .containsExactly(tuple("NO_BUDGET", 20, 0.8), tuple("NO_AUTHORITY", 5, 0.2));
        ReasonSummary noBudget = result.reasons().getFirst();
        assertThat(noBudget.trend()).containsExactly(
                new MonthCount(YearMonth.of(2025, 3), 12, 37, 12.0 / 37),
                new MonthCount(YearMonth.of(2025, 4), 8, 28, 8.0 / 28));
        assertThat(result.reasons().get(1).trend()).extracting(MonthCount::rejected).containsExactly(0, 5);
        assertThat(result.categories()).extracting(ReasonSummary::category, ReasonSummary::rejected)
                .containsExactly(tuple(RejectionCategory.BUDGET, 20), tuple(RejectionCategory.AUTHORITY, 5));
    }

    @Test
    void unknownBudgetAndTheOfferRuleAreOverRepresentedInNoBudgetRejections() {
        assertThat(result.findings()).extracting(f -> f.reasonCode(), f -> f.statistics().signal().key(),
                f -> f.statistics().verdict()).containsExactlyInAnyOrder(
                tuple("NO_BUDGET", "trait:BUDGET_STATUS=∅", Verdict.STRONG),
                tuple("NO_BUDGET", "rule:bofu-offer", Verdict.STRONG));
        Finding unknownBudget = result.findings().stream()
                .filter(f -> f.statistics().signal().key().equals("trait:BUDGET_STATUS=∅")).findFirst().orElseThrow();
        assertThat(unknownBudget.shareOfReason()).isEqualTo(0.8);
        // rejected for NO_BUDGET: 16 of the 26 decided with budget unknown vs 4 of the 34 with a stated budget
        assertThat(unknownBudget.rejectionLift()).isCloseTo((16.0 / 26) / (4.0 / 34), within(1e-12));
        assertThat(unknownBudget.sentence()).isEqualTo("80 % of NO_BUDGET rejections had budget status unknown at handoff; "
                + "those are rejected for NO_BUDGET 5.2× as often as leads with a stated budget status (strong evidence).");
        Finding offer = result.findings().stream()
                .filter(f -> f.statistics().signal().key().equals("rule:bofu-offer")).findFirst().orElseThrow();
        assertThat(offer.sentence()).isEqualTo("95 % of NO_BUDGET rejections had qualified through rule "
                + "'Bottom-of-funnel offer'; those are rejected for NO_BUDGET 10× as often as leads the rule did not score "
                + "(strong evidence).");
    }

    @Test
    void signalsThatMarkAcceptedLeadsAreComparedButAreNoFinding() {
        ReasonSummary noBudget = result.reasons().getFirst();
        assertThat(noBudget.signals()).extracting(s -> s.signal().key()).containsExactlyInAnyOrder(
                "trait:BUDGET_STATUS=∅", "trait:BUDGET_STATUS=APPROVED", "rule:budget-approved", "rule:bofu-offer");
        assertThat(noBudget.signals()).filteredOn(s -> s.signal().key().equals("rule:budget-approved"))
                .allSatisfy(s -> assertThat(s.favoursA()).isFalse());
    }
}
