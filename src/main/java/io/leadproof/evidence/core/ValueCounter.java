package io.leadproof.evidence.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Counts per value of one categorical dimension, for group A and group B, with a dictionary of values. */
final class ValueCounter {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private int[] a = new int[8];
    private int[] b = new int[8];
    int knownA;
    int knownB;
    /** Some lead had several values (a list): the long-tail bucket cannot be derived from sums then. */
    boolean multiValued;

    void add(String value, boolean inA) {
        int code = code(value);
        if (inA) {
            a[code]++;
            knownA++;
        } else {
            b[code]++;
            knownB++;
        }
    }

    /** A lead with several distinct values: each counts once, the lead counts once as known. */
    void addEach(Collection<String> distinct, boolean inA) {
        if (distinct.isEmpty()) {
            return;
        }
        multiValued |= distinct.size() > 1;
        for (String value : distinct) {
            int code = code(value); // first: it may grow the arrays
            (inA ? a : b)[code]++;
        }
        if (inA) {
            knownA++;
        } else {
            knownB++;
        }
    }

    private int code(String value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        int next = values.size();
        values.add(value);
        codes.put(value, next);
        if (next == a.length) {
            a = Arrays.copyOf(a, next * 2);
            b = Arrays.copyOf(b, next * 2);
        }
        return next;
    }

    int distinctValues() {
        return values.size();
    }

    /**
     * Appends the signals of this dimension: each listed value, then the long tail (when
     * {@code other} is given and every lead had one value), then unknown (when {@code unknown} is given).
     *
     * @param limit   at most this many values on their own (Integer.MAX_VALUE: all)
     * @param support a value needs this many leads to be listed
     */
    void emit(Function<String, SignalDefinition> valueSignal, SignalDefinition other, SignalDefinition unknown,
              int limit, int support, int nA, int nB, List<SignalCount> out) {
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -(a[i] + b[i])).thenComparing(values::get));
        List<String> names = new ArrayList<>(order.length);
        int[] sortedA = new int[order.length];
        int[] sortedB = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            names.add(values.get(order[i]));
            sortedA[i] = a[order[i]];
            sortedB[i] = b[order[i]];
        }
        emitRanked(names, sortedA, sortedB, values.size(), knownA, knownB, multiValued, valueSignal, other, unknown, limit,
                support, nA, nB, out);
    }

    /**
     * The emission rule over values already ranked by count (descending, ties by value): the head of at most
     * {@code limit} values with at least {@code support} leads each, the long tail ({@code other}, when given, every lead
     * had one value and some value is left out of the head: {@code distinct} values in all), unknown (when given). The
     * database's ranked counts (CountedSignals) go through the same rule; {@code ranked} may hold only the head.
     */
    static void emitRanked(List<String> ranked, int[] a, int[] b, int distinct, int knownA, int knownB, boolean multiValued,
                           Function<String, SignalDefinition> valueSignal, SignalDefinition other, SignalDefinition unknown,
                           int limit, int support, int nA, int nB, List<SignalCount> out) {
        int listedA = 0;
        int listedB = 0;
        int listed = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (listed == limit || a[i] + b[i] < support) {
                break;
            }
            listed++;
            listedA += a[i];
            listedB += b[i];
            add(out, valueSignal.apply(ranked.get(i)), a[i], b[i], nA, nB);
        }
        if (other != null && !multiValued && listed < distinct) {
            add(out, other, knownA - listedA, knownB - listedB, nA, nB);
        }
        if (unknown != null) {
            add(out, unknown, nA - knownA, nB - knownB, nA, nB);
        }
    }

    static void add(List<SignalCount> out, SignalDefinition signal, int a, int b, int nA, int nB) {
        if (SignalCounts.isCandidate(a, b, nA, nB)) {
            out.add(new SignalCount(signal, a, b));
        }
    }
}
