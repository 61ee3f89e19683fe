package io.leadproof.evidence.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * "20 won vs 20 stalled", at any scale: the entry point of signal analysis. The caller streams the
 * cohort (leads of the window and filters, each with its outcome as of the analysis and its
 * reference-moment facts); leads in neither group are skipped. With a sample size, each group keeps
 * only its most recent N leads by reference moment (ties by lead id), as the practitioner would pull
 * them; the sampled ids come back so the API can show the spreadsheet side by side.
 */
public final class SignalAnalysis {
    private static final Comparator<ReferenceLead> RECENT_LAST =
            Comparator.comparing(ReferenceLead::referenceMoment).thenComparing(ReferenceLead::leadId);

    private SignalAnalysis() {
    }

    /**
     * @param sampleSize the most recent N per group, or null for all
     * @throws IllegalArgumentException when the groups overlap, the sample size is not positive, or a group is empty
     */
    public static Result run(Iterable<ReferenceLead> cohort, OutcomeGroup groupA, OutcomeGroup groupB,
                             ReferenceMoment moment, Integer sampleSize, SignalOptions options) {
        Objects.requireNonNull(cohort, "cohort");
        if (groupA.overlaps(groupB)) {
            throw new IllegalArgumentException("the groups overlap: a lead cannot be in both");
        }
        if (sampleSize != null && sampleSize < 1) {
            throw new IllegalArgumentException("a sample holds at least one lead per group, not " + sampleSize);
        }
        SignalTally tally = new SignalTally(options);
        PriorityQueue<ReferenceLead> sampleA = sampleSize == null ? null : new PriorityQueue<>(RECENT_LAST);
        PriorityQueue<ReferenceLead> sampleB = sampleSize == null ? null : new PriorityQueue<>(RECENT_LAST);
        for (ReferenceLead lead : cohort) {
            boolean inA = groupA.contains(lead.outcome());
            if (!inA && !groupB.contains(lead.outcome())) {
                continue;
            }
            if (sampleSize == null) {
                tally.add(lead, inA);
            } else {
                keepRecent(inA ? sampleA : sampleB, lead, sampleSize);
            }
        }
        if (sampleSize != null) {
            sampleA.forEach(lead -> tally.add(lead, true));
            sampleB.forEach(lead -> tally.add(lead, false));
        }
        return fromCounts(tally.counts(), groupA, groupB, moment, ids(sampleA), ids(sampleB));
    }

    /**
     * The analysis of candidate signals counted elsewhere (the database's set-based counts of a whole cohort, or a
     * {@link SignalTally}): the statistics, strongest first.
     *
     * @throws IllegalArgumentException when a group is empty
     */
    public static Result fromCounts(SignalCounts counts, OutcomeGroup groupA, OutcomeGroup groupB, ReferenceMoment moment,
                                    List<UUID> sampleA, List<UUID> sampleB) {
        if (counts.nA() == 0 || counts.nB() == 0) {
            throw new IllegalArgumentException("both groups need decided leads: " + groupA.label() + " "
                    + counts.nA() + ", " + groupB.label() + " " + counts.nB());
        }
        List<SignalResult> results = new ArrayList<>(SignalStatistics.analyse(counts, Wording.of(groupA, groupB, moment)));
        results.sort(STRONGEST_FIRST);
        return new Result(counts.nA(), counts.nB(), results, sampleA, sampleB);
    }

    /** Verdict, then q-value, then p-value, then key: the order an analyst reads them in. */
    public static final Comparator<SignalResult> STRONGEST_FIRST = Comparator.comparing(SignalResult::verdict)
            .thenComparingDouble(SignalResult::qValue)
            .thenComparingDouble(SignalResult::pValue)
            .thenComparing(r -> r.signal().key());

    private static void keepRecent(PriorityQueue<ReferenceLead> sample, ReferenceLead lead, int size) {
        if (sample.size() < size) {
            sample.add(lead);
        } else if (RECENT_LAST.compare(lead, sample.peek()) > 0) {
            sample.poll();
            sample.add(lead);
        }
    }

    private static List<UUID> ids(PriorityQueue<ReferenceLead> sample) {
        if (sample == null) {
            return List.of();
        }
        return sample.stream().sorted(RECENT_LAST.reversed()).map(ReferenceLead::leadId).toList();
    }

    /**
     * @param sampleA the sampled leads of group A, most recent first; empty without a sample size
     */
    public record Result(int nA, int nB, List<SignalResult> signals, List<UUID> sampleA, List<UUID> sampleB) {
        public Result {
            signals = List.copyOf(signals);
            sampleA = List.copyOf(sampleA);
            sampleB = List.copyOf(sampleB);
        }

        public List<SignalResult> withVerdict(Verdict verdict) {
            return signals.stream().filter(s -> s.verdict() == verdict).toList();
        }
    }
}
