package io.leadproof.evidence.draft;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.evidence.api.EvidenceVerdict;

@Type("RuleRationale")
@Description("Why a suggested draft proposes a rule or its points: the signal, its statistic, both groups with their "
        + "counts and the window the evidence comes from (stored with the draft by criteriaSuggest).")
public record RationaleView(
        @NonNull @Description("What was proposed.") SuggestedChangeKind change,
        @Description("For CHANGE_POINTS: the points before.") Integer fromPoints,
        @Description("For CHANGE_POINTS: the points proposed.") Integer toPoints,
        @NonNull @Description("The evidence signal's key (EvidenceSignal.key).") String signalKey,
        @NonNull @Description("The statistic in one line: lift with its interval, odds ratio, p and q.") String statistic,
        @NonNull @Description("Group A in words, e.g. 'won deals'.") String groupA,
        @NonNull @Description("Leads of group A with the signal.") int countA,
        @NonNull @Description("Leads of group A.") int nA,
        @NonNull @Description("Group B in words.") String groupB,
        @NonNull @Description("Leads of group B with the signal.") int countB,
        @NonNull @Description("Leads of group B.") int nB,
        @NonNull @Description("Rate A / rate B.") double lift,
        @NonNull @Description("Weight of evidence the points were scaled from.") double weightOfEvidence,
        @NonNull @Description("Exact p-value.") double pValue,
        @NonNull @Description("Benjamini–Hochberg q-value.") double qValue,
        @NonNull @Description("The signal's verdict.") EvidenceVerdict verdict,
        @Description("Start of the evidence window.") OffsetDateTime windowFrom,
        @Description("End of the evidence window.") OffsetDateTime windowTo,
        @NonNull @Description("The proposal and its evidence in plain words.") String sentence) {
}
