package io.leadproof.evidence.core;

import io.leadproof.feedback.RejectionCategory;
import io.leadproof.scoring.engine.LeadSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysis' own rules: groups, samples of the most recent deals, bad requests. */
class SignalAnalysisRulesTest {

    private static List<ReferenceLead> cohort() {
        List<ReferenceLead> leads = new ArrayList<>(Cohorts.group(0, 30, 20, OutcomeKind.WON));
        leads.addAll(Cohorts.group(100, 30, 5, OutcomeKind.STALLED));
        leads.add(Cohorts.lead(200, OutcomeKind.OPEN, LeadSnapshot.builder().build()));
        ReferenceLead rejected = Cohorts.lead(201, OutcomeKind.WON, LeadSnapshot.builder().build())
                .withOutcome(Outcome.rejected("NO_BUDGET", RejectionCategory.BUDGET, Cohorts.HANDOFF.plus(Duration.ofDays(1))));
        leads.add(rejected);
        return leads;
    }

    @Test
    void openAndUnselectedOutcomesStayOutOfBothGroups() {
        SignalAnalysis.Result result = SignalAnalysis.run(cohort(), OutcomeGroup.won(), OutcomeGroup.stalledOrLost(),
                ReferenceMoment.atHandoff(), null, SignalOptions.defaults());
        assertThat(result.nA()).isEqualTo(30);
        assertThat(result.nB()).isEqualTo(30);
        assertThat(result.sampleA()).isEmpty();
    }

    @Test
    void rejectionsOfAChosenCategoryCanFormGroupB() {
        OutcomeGroup budget = new OutcomeGroup("deals rejected for budget", Set.of(OutcomeKind.REJECTED),
                Set.of(RejectionCategory.BUDGET));
        SignalAnalysis.Result result = SignalAnalysis.run(cohort(), OutcomeGroup.won(), budget,
                ReferenceMoment.atHandoff(), null, SignalOptions.defaults());
        assertThat(result.nB()).isEqualTo(1);
    }

    @Test
    void aSampleKeepsTheMostRecentDealsOfEachGroup() {
        SignalAnalysis.Result result = SignalAnalysis.run(cohort(), OutcomeGroup.won(), OutcomeGroup.stalledOrLost(),
                ReferenceMoment.atHandoff(), 20, SignalOptions.defaults());
        assertThat(result.nA()).isEqualTo(20);
        assertThat(result.sampleA()).hasSize(20).startsWith(Cohorts.id(29), Cohorts.id(28)).endsWith(Cohorts.id(10));
        assertThat(result.sampleB()).hasSize(20).startsWith(Cohorts.id(129));
    }

    @Test
    void overlappingGroupsAndEmptySamplesAreRefused() {
        assertThatThrownBy(() -> SignalAnalysis.run(cohort(), OutcomeGroup.won(), OutcomeGroup.won(),
                ReferenceMoment.atHandoff(), null, SignalOptions.defaults())).hasMessageContaining("overlap");
        assertThatThrownBy(() -> SignalAnalysis.run(cohort(), OutcomeGroup.won(), OutcomeGroup.stalledOrLost(),
                ReferenceMoment.atHandoff(), 0, SignalOptions.defaults())).hasMessageContaining("at least one");
        OutcomeGroup lostOnly = new OutcomeGroup("lost deals", Set.of(OutcomeKind.LOST), Set.of());
        assertThatThrownBy(() -> SignalAnalysis.run(cohort(), OutcomeGroup.won(), lostOnly,
                ReferenceMoment.atHandoff(), null, SignalOptions.defaults())).hasMessageContaining("lost deals 0");
    }
}
