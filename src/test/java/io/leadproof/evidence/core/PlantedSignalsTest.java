package io.leadproof.evidence.core;

import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.LeadSnapshotBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated cohorts with one planted signal (a demo request, 30 % of won vs 10 % of stalled deals:
 * a true 3× lift) and 30 null signals (custom flags set for 30 % of every lead, whatever the outcome).
 * Seeded, so every run sees the same data.
 */
class PlantedSignalsTest {
    private static final String DEMO = "behaviour:DEMO_REQUESTED/BOFU:ANY";

    private static SignalAnalysis.Result analyse(int perGroup, long seed) {
        Random random = new Random(seed);
        List<ReferenceLead> cohort = new ArrayList<>();
        for (int i = 0; i < 2 * perGroup; i++) {
            boolean won = i < perGroup;
            LeadSnapshotBuilder traits = LeadSnapshot.builder();
            for (int k = 1; k <= 30; k++) {
                if (random.nextDouble() < 0.3) {
                    traits.customAttribute("null_%02d".formatted(k), true);
                }
            }
            boolean demo = random.nextDouble() < (won ? 0.3 : 0.1);
            cohort.add(demo ? Cohorts.lead(i, won ? OutcomeKind.WON : OutcomeKind.STALLED, traits.build(), Cohorts.demoRequests(1, 3))
                    : Cohorts.lead(i, won ? OutcomeKind.WON : OutcomeKind.STALLED, traits.build()));
        }
        return SignalAnalysis.run(cohort, OutcomeGroup.won(), OutcomeGroup.stalledOrLost(), ReferenceMoment.atHandoff(),
                null, SignalOptions.defaults());
    }

    private static List<SignalResult> nulls(SignalAnalysis.Result result) {
        return result.signals().stream().filter(r -> r.signal().key().startsWith("custom:null_")).toList();
    }

    @Test
    void aTrueThreefoldLiftIsStrongAt200Vs200() {
        SignalAnalysis.Result result = analyse(200, 7);
        SignalResult demo = Cohorts.find(result.signals(), DEMO);
        assertThat(demo.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(demo.test()).isEqualTo(ExactTestMethod.FISHER);
        assertThat(demo.lift().lower()).as("the interval excludes no effect").isGreaterThan(1);
        assertThat(result.signals().getFirst().signal().key()).as("strongest first").isEqualTo(DEMO);
    }

    @Test
    void thirtyNullSignalsDoNotSurviveTheCorrection() {
        SignalAnalysis.Result result = analyse(200, 7);
        List<SignalResult> nulls = nulls(result);
        assertThat(nulls).as("each flag is a candidate twice: set, and unknown").hasSize(60);
        assertThat(nulls).allSatisfy(r -> assertThat(r.verdict()).isNotEqualTo(Verdict.STRONG));
        assertThat(nulls).allSatisfy(r -> assertThat(r.qValue()).isGreaterThanOrEqualTo(0.05));
        assertThat(nulls).as("without the correction some would have passed at p < 0.05")
                .anySatisfy(r -> assertThat(r.pValue()).isLessThan(0.05));
    }

    @Test
    void theSameLiftAt20Vs20IsNotYetConclusive() {
        SignalResult demo = Cohorts.find(analyse(20, 7).signals(), DEMO);
        assertThat(demo.verdict()).as("this draw even shows 4 vs 4").isNotEqualTo(Verdict.STRONG);
        assertThat(demo.sentence()).contains("equally often (4 of 20 vs 4 of 20); not enough evidence.");
        assertThat(Power.dealsPerGroup(0.3, 0.1)).as("what the true rates would need").isEqualTo(62);
    }
}
