package io.leadproof.evidence.analysis;

import io.leadproof.evidence.core.ByHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadproof.evidence.api.AnalysisRequest;
import io.leadproof.evidence.api.AnalysisTypes;
import io.leadproof.evidence.api.EvidenceVerdict;
import io.leadproof.evidence.api.ExactTestUsed;
import io.leadproof.evidence.api.SignalTypes.SignalView;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;

/**
 * Planted signals through the analysis the API answers with: a demo request with a true 3× lift (30 % of won vs 10 %
 * of stalled deals) among 30 null signals, and the afternoon exercise's 14 of 20 vs 4 of 20, whose p-values are
 * computed here from their textbook definitions. Seeded; no database needed.
 */
class SignalAnalysisPlantedTest {
    static final Duration WINDOW = Duration.ofDays(14);

    static AnalysisTypes.AnalysisView analyse(List<ReferenceLead> cohort, Integer sampleSize, List<String> keys) {
        var request = new AnalysisRequest(PlantedCohort.START, PlantedCohort.START.plus(Duration.ofDays(180)),
                AnalysisRequest.Filter.NONE, OutcomeGroup.won(), OutcomeGroup.stalledOrLost(), ReferenceMoment.atHandoff(),
                sampleSize, keys);
        var payload = AnalysisRun.run(request, cohort, WINDOW);
        assertThat(payload.userErrors()).isEmpty();
        return payload.analysis();
    }

    static SignalView signal(AnalysisTypes.AnalysisView analysis, String key) {
        return analysis.signals().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no signal " + key));
    }

    @Test
    void aTrueThreefoldLiftIsStrongAt200Vs200AndNoNullSignalSurvivesTheCorrection() {
        var analysis = analyse(new PlantedCohort(11).deals(200, OutcomeKind.WON, 0.3, true)
                .deals(200, OutcomeKind.STALLED, 0.1, true).leads(), null, List.of());
        SignalView demo = signal(analysis, PlantedCohort.DEMO);
        assertThat(demo.verdict()).isEqualTo(EvidenceVerdict.STRONG);
        assertThat(demo.test()).isEqualTo(ExactTestUsed.FISHER);
        assertThat(demo.lift().lower()).as("the interval excludes no effect").isGreaterThan(1);
        assertThat(analysis.signals().getFirst().key()).as("strongest first").isEqualTo(PlantedCohort.DEMO);
        assertThat(analysis.groupA().size()).isEqualTo(200);
        assertThat(analysis.groupB().size()).isEqualTo(200);

        List<SignalView> nulls = analysis.signals().stream().filter(s -> s.key().startsWith("custom:null_")).toList();
        assertThat(nulls).hasSize(60);
        assertThat(nulls).allSatisfy(s -> assertThat(s.qValue()).isGreaterThanOrEqualTo(0.05));
        assertThat(nulls).allSatisfy(s -> assertThat(s.verdict()).isNotEqualTo(EvidenceVerdict.STRONG));
    }

    @Test
    void fourteenOfTwentyVsFourOfTwentyMatchesBoschlooComputedByHand() {
        var analysis = analyse(new PlantedCohort(3).exactly(20, 14, OutcomeKind.WON).exactly(20, 4, OutcomeKind.STALLED)
                .leads(), null, List.of());
        SignalView demo = signal(analysis, PlantedCohort.DEMO);
        assertThat(demo.groupA().count()).isEqualTo(14);
        assertThat(demo.groupB().count()).isEqualTo(4);
        assertThat(demo.test()).isEqualTo(ExactTestUsed.BOSCHLOO);
        assertThat(demo.pValue()).isCloseTo(ByHand.boschloo(14, 20, 4, 20), within(1e-5));
        assertThat(ByHand.fisher(14, 20, 4, 20)).as("Fisher's p, the conservative one").isCloseTo(0.0036, within(0.0001))
                .isGreaterThan(demo.pValue());
        assertThat(demo.verdict()).isEqualTo(EvidenceVerdict.STRONG);
        assertThat(demo.sentence()).startsWith("Won deals had requested a demo").contains("3.5× as often")
                .contains("(14 of 20 vs 4 of 20)");
    }

    @Test
    void theSameCountsAt60Vs60UseFisherAndMatchTheHypergeometricSum() {
        var analysis = analyse(new PlantedCohort(5).exactly(60, 42, OutcomeKind.WON).exactly(60, 12, OutcomeKind.LOST)
                .leads(), null, List.of());
        SignalView demo = signal(analysis, PlantedCohort.DEMO);
        assertThat(demo.test()).isEqualTo(ExactTestUsed.FISHER);
        assertThat(demo.pValue()).isCloseTo(ByHand.fisher(42, 60, 12, 60), within(1e-12));
    }

    @Test
    void aSampleKeepsTheMostRecentDealsOfEachGroupSideBySide() {
        var cohort = new PlantedCohort(3).exactly(30, 20, OutcomeKind.WON).exactly(30, 6, OutcomeKind.STALLED).leads();
        var analysis = analyse(cohort, 20, List.of(PlantedCohort.DEMO));
        assertThat(analysis.groupA().size()).isEqualTo(20);
        assertThat(analysis.dealsA()).hasSize(20);
        assertThat(analysis.dealsA().getFirst().referenceMoment()).as("most recent first")
                .isAfter(analysis.dealsA().getLast().referenceMoment());
        Instant oldestKept = analysis.dealsA().getLast().referenceMoment();
        assertThat(cohort.subList(0, 10)).allSatisfy(l -> assertThat(l.referenceMoment()).isBefore(oldestKept));
        assertThat(analysis.signals()).extracting(SignalView::key).containsExactly(PlantedCohort.DEMO);
        assertThat(analysis.candidates()).as("q-values still correct for every candidate").isGreaterThan(1);
    }
}
