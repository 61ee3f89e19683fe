package io.leadproof.scoring.engine;

import io.leadproof.lead.BudgetStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.leadproof.lead.ActivityType.WEBINAR_ATTENDED;
import static io.leadproof.scoring.engine.Fixtures.AS_OF;
import static io.leadproof.scoring.engine.Fixtures.activity;
import static io.leadproof.scoring.engine.Fixtures.daysBefore;
import static io.leadproof.scoring.engine.Fixtures.engagement;
import static io.leadproof.scoring.engine.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

class QualificationTest {
    private final FitRule budget = new FitRule("budget", "Budget",
            Predicate.of(LeadField.BUDGET_STATUS, Operator.EQUALS, "APPROVED"), 30);
    private final EngagementRule webinar = engagement(WEBINAR_ATTENDED, null, Duration.ofDays(60), 10, 50, null);
    private final LeadSnapshot budgeted = LeadSnapshot.builder().budgetStatus(BudgetStatus.APPROVED).build();

    private Score score(Thresholds thresholds, LeadSnapshot lead, int webinars) {
        List<ActivityFact> activities = java.util.stream.IntStream.range(0, webinars)
                .mapToObj(i -> activity(WEBINAR_ATTENDED, null, daysBefore(i + 1))).toList();
        return ScoringEngine.score(lead, activities, version(thresholds, budget, webinar), AS_OF);
    }

    @Test
    void aTotalAtTheThresholdQualifies() {
        assertThat(score(Thresholds.mql(50), budgeted, 2).qualified()).isTrue();
        assertThat(score(Thresholds.mql(50), budgeted, 1).qualified()).isFalse();
    }

    @Test
    void aMinimumFitKeepsOutEngagedLeadsThatDoNotFit() {
        Thresholds needsFit = new Thresholds(40, 20, null);
        LeadSnapshot noBudget = LeadSnapshot.builder().build();
        Score engagedOnly = score(needsFit, noBudget, 5);
        assertThat(engagedOnly.total()).isEqualTo(50);
        assertThat(engagedOnly.qualified()).isFalse();
        assertThat(score(needsFit, budgeted, 1).qualified()).isTrue();
    }

    @Test
    void aMinimumEngagementKeepsOutFitLeadsThatNeverEngaged() {
        Thresholds needsEngagement = new Thresholds(30, null, 10);
        assertThat(score(needsEngagement, budgeted, 0).total()).isEqualTo(30);
        assertThat(score(needsEngagement, budgeted, 0).qualified()).isFalse();
        assertThat(score(needsEngagement, budgeted, 1).qualified()).isTrue();
    }

    @Test
    void bothMinimumsAndTheTotalMustHold() {
        Thresholds all = new Thresholds(45, 30, 20);
        assertThat(score(all, budgeted, 1).qualified()).as("total 40 < 45").isFalse();
        assertThat(score(all, budgeted, 2).qualified()).as("50, fit 30, engagement 20").isTrue();
    }

    @Test
    void anEmptyVersionScoresZero() {
        Score score = ScoringEngine.score(budgeted, List.of(), new CriteriaVersionSpec("empty", List.of(), Thresholds.mql(0)), AS_OF);
        assertThat(score.total()).isZero();
        assertThat(score.contributions()).isEmpty();
        assertThat(score.qualified()).isTrue();
    }
}
