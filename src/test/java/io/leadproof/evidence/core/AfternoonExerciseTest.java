package io.leadproof.evidence.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The practitioner's afternoon: 20 won deals, 20 stalled ones; 14 of the won had requested a demo
 * before handoff, 4 of the stalled. The analysis must get the numbers a careful analyst would.
 */
class AfternoonExerciseTest {
    private static final String DEMO = "behaviour:DEMO_REQUESTED/BOFU:ANY";

    private SignalResult demoSignal() {
        List<ReferenceLead> cohort = new ArrayList<>(Cohorts.group(0, 20, 14, OutcomeKind.WON));
        cohort.addAll(Cohorts.group(100, 20, 4, OutcomeKind.STALLED));
        SignalAnalysis.Result result = SignalAnalysis.run(cohort, OutcomeGroup.won(), OutcomeGroup.stalledOrLost(),
                ReferenceMoment.atHandoff(), null, SignalOptions.defaults());
        assertThat(result.nA()).isEqualTo(20);
        assertThat(result.nB()).isEqualTo(20);
        assertThat(result.signals()).as("narrower facets with the same leads are not repeated").hasSize(1);
        return Cohorts.find(result.signals(), DEMO);
    }

    @Test
    void theExactTestIsBoschlooAndMatchesItsDefinition() {
        SignalResult demo = demoSignal();
        assertThat(demo.test()).isEqualTo(ExactTestMethod.BOSCHLOO);
        assertThat(demo.pValue()).isCloseTo(ByHand.boschloo(14, 20, 4, 20), within(1e-6));
        assertThat(demo.qValue()).as("one candidate: q = p").isEqualTo(demo.pValue());
    }

    @Test
    void fisherAgreesWithTheHypergeometricSumAndIsUsedForLargerGroups() {
        ExactTest small = new ExactTest(20, 20);
        assertThat(small.method()).isEqualTo(ExactTestMethod.BOSCHLOO);
        ExactTest large = new ExactTest(60, 60);
        assertThat(large.method()).isEqualTo(ExactTestMethod.FISHER);
        assertThat(large.pValue(42, 12)).isCloseTo(ByHand.fisher(42, 60, 12, 60), within(1e-12));
        assertThat(ByHand.fisher(14, 20, 4, 20)).as("Fisher is the more conservative").isGreaterThan(demoSignal().pValue());
    }

    @Test
    void ratesLiftAndOddsCarryTheirIntervals() {
        SignalResult demo = demoSignal();
        assertThat(demo.groupA().value()).isEqualTo(0.7);
        assertThat(demo.groupB().value()).isEqualTo(0.2);
        double z = 1.959963984540054;
        double centre = (0.7 + z * z / 40) / (1 + z * z / 20);
        double half = z / (1 + z * z / 20) * Math.sqrt(0.7 * 0.3 / 20 + z * z / 1600);
        assertThat(demo.groupA().lower()).as("Wilson").isCloseTo(centre - half, within(1e-9));
        assertThat(demo.groupA().upper()).isCloseTo(centre + half, within(1e-9));
        double katz = Math.sqrt(1.0 / 14 - 1.0 / 20 + 1.0 / 4 - 1.0 / 20);
        assertThat(demo.lift().value()).isCloseTo(3.5, within(1e-12));
        assertThat(demo.lift().lower()).isCloseTo(3.5 * Math.exp(-z * katz), within(1e-9));
        assertThat(demo.lift().upper()).isCloseTo(3.5 * Math.exp(z * katz), within(1e-9));
        double woolf = Math.sqrt(1.0 / 14 + 1.0 / 4 + 1.0 / 6 + 1.0 / 16);
        assertThat(demo.oddsRatio().value()).isCloseTo(14.0 * 16 / (4 * 6), within(1e-9));
        assertThat(demo.oddsRatio().lower()).isCloseTo(14.0 * 16 / (4 * 6) * Math.exp(-z * woolf), within(1e-9));
        assertThat(demo.lift().zeroCellCorrected()).isFalse();
    }

    @Test
    void weightOfEvidenceAndInformationValue() {
        SignalResult demo = demoSignal();
        assertThat(demo.weightOfEvidence()).isCloseTo(Math.log(0.7 / 0.2), within(1e-12));
        double iv = (0.7 - 0.2) * Math.log(0.7 / 0.2) + (0.3 - 0.8) * Math.log(0.3 / 0.8);
        assertThat(demo.informationValue()).isCloseTo(iv, within(1e-12));
    }

    @Test
    void theVerdictIsStrongAndTheSentenceSaysWhy() {
        SignalResult demo = demoSignal();
        assertThat(demo.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(demo.dealsPerGroupToSettle()).isNull();
        assertThat(demo.sentence()).isEqualTo("Won deals had requested a demo (BOFU) before handoff 3.5× as often as "
                + "stalled or lost deals (14 of 20 vs 4 of 20); strong evidence.");
    }

    @Test
    void aWeakerSignalSaysHowManyDealsWouldSettleIt() {
        List<ReferenceLead> cohort = new ArrayList<>(Cohorts.group(0, 20, 9, OutcomeKind.WON));
        cohort.addAll(Cohorts.group(100, 20, 4, OutcomeKind.LOST));
        SignalResult demo = Cohorts.find(SignalAnalysis.run(cohort, OutcomeGroup.won(), OutcomeGroup.stalledOrLost(),
                ReferenceMoment.atHandoff(), null, SignalOptions.defaults()).signals(), DEMO);
        assertThat(demo.verdict()).isEqualTo(Verdict.NOT_ENOUGH_EVIDENCE);
        // Fleiss: (1.96·√(2·0.325·0.675) + 0.8416·√(0.45·0.55 + 0.2·0.8))² / 0.25² = 53.9
        assertThat(demo.dealsPerGroupToSettle()).isEqualTo(54);
        assertThat(demo.power()).isBetween(0.2, 0.5);
        assertThat(demo.sentence()).isEqualTo("Won deals had requested a demo (BOFU) before handoff 2.3× as often as "
                + "stalled or lost deals (9 of 20 vs 4 of 20); not enough evidence: about 54 deals per group would settle it.");
    }
}
