package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.evidence.core.SignalResult;
import io.leadproof.feedback.RejectionCategory;

import java.util.Locale;

/** Turns an over-represented signal of a reason into a {@link Finding} with its sentence. */
final class Findings {
    private Findings() {
    }

    static Finding of(String reasonCode, RejectionCategory category, SignalResult result) {
        int a = result.groupA().count();
        int nA = result.groupA().n();
        int b = result.groupB().count();
        int nB = result.groupB().n();
        double share = (double) a / nA;
        double with = (double) a / (a + b);
        int withoutRejected = nA - a;
        int without = withoutRejected + (nB - b);
        Double lift = withoutRejected == 0 || without == 0 ? null : with / ((double) withoutRejected / without);
        SignalDefinition signal = result.signal();
        String timing = signal.timing() == SignalDefinition.Timing.NONE ? "" : " at handoff";
        String start = String.format(Locale.ROOT, "%.0f %% of %s rejections had %s%s", share * 100, reasonCode,
                signal.phrase(), timing);
        String rest = lift == null
                ? "; every " + reasonCode + " rejection did"
                : String.format(Locale.ROOT, "; those are rejected for %s %s as often as %s", reasonCode,
                        times(lift), signal.othersPhrase());
        String verdict = switch (result.verdict()) {
            case STRONG -> " (strong evidence)";
            case SUGGESTIVE -> " (suggestive, not conclusive)";
            case NOT_ENOUGH_EVIDENCE -> " (not enough evidence)";
        };
        return new Finding(reasonCode, category, result, share, lift, start + rest + verdict + ".");
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.1f×", ratio);
    }
}
