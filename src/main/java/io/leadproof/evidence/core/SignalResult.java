package io.leadproof.evidence.core;

/**
 * Everything the analysis says about one signal.
 *
 * @param groupA                with the signal in group A: count, n, rate and Wilson 95 % interval
 * @param lift                  rate A / rate B with its Katz 95 % interval
 * @param oddsRatio             odds A / odds B with its Woolf 95 % interval
 * @param pValue                two-sided exact p-value ({@code test} says which test)
 * @param qValue                Benjamini–Hochberg q-value across every candidate of the analysis
 * @param weightOfEvidence      ln(share of A with the signal / share of B with it), 0.5 added to every cell when one is 0
 * @param informationValue      Σ over present/absent of (share A − share B)·WoE
 * @param power                 power of the test at the observed rates and sizes (NaN when the rates are equal)
 * @param dealsPerGroupToSettle deals per group for 80 % power at the observed rates, when the verdict is not STRONG
 *                              and the rates differ; null otherwise
 * @param sentence              one plain English sentence
 */
public record SignalResult(
        SignalDefinition signal,
        Rate groupA,
        Rate groupB,
        Ratio lift,
        Ratio oddsRatio,
        double pValue,
        ExactTestMethod test,
        double qValue,
        double weightOfEvidence,
        double informationValue,
        Verdict verdict,
        double power,
        Integer dealsPerGroupToSettle,
        String sentence) {

    /** Whether the signal is more frequent in group A than in group B. */
    public boolean favoursA() {
        return groupA.value() > groupB.value();
    }
}
