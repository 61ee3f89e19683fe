package io.leadproof.evidence.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate signals of one comparison with their counts: {@code nA} leads in group A, {@code nB}
 * in group B. Signals shown by no lead, or by every lead of both groups, are not candidates.
 */
public record SignalCounts(int nA, int nB, List<SignalCount> signals) {

    public SignalCounts {
        signals = List.copyOf(signals);
        for (SignalCount count : signals) {
            if (count.a() > nA || count.b() > nB) {
                throw new IllegalArgumentException(count.signal().key() + " counts more leads than its group has");
            }
        }
    }

    /** These signals followed by {@code more}, over the same groups (e.g. rule contributions beside traits). */
    public SignalCounts plus(List<SignalCount> more) {
        List<SignalCount> all = new ArrayList<>(signals);
        all.addAll(more);
        return new SignalCounts(nA, nB, all);
    }

    static boolean isCandidate(int a, int b, int nA, int nB) {
        return a + b > 0 && !(a == nA && b == nB);
    }
}
