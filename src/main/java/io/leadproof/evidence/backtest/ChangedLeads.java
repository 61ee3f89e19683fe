package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.Outcome;
import io.leadproof.evidence.core.OutcomeKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The leads that change side between two versions, kept compactly: 17 bytes and a short per lead
 * (two longs for the id, the outcome kind, the rejection code as an index into a small dictionary),
 * so a million changed leads take about 19 MB. In the order the cohort was fed.
 */
public final class ChangedLeads {
    private static final byte NOT_HANDED_OFF = -1;

    private long[] high = new long[64];
    private long[] low = new long[64];
    private byte[] outcome = new byte[64];
    private short[] reason = new short[64];
    private final List<String> reasons = new ArrayList<>();
    private final Map<String, Short> reasonCodes = new HashMap<>();
    private int size;

    void add(UUID leadId, Outcome leadOutcome) {
        if (size == high.length) {
            int capacity = size * 2;
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            outcome = Arrays.copyOf(outcome, capacity);
            reason = Arrays.copyOf(reason, capacity);
        }
        high[size] = leadId.getMostSignificantBits();
        low[size] = leadId.getLeastSignificantBits();
        outcome[size] = leadOutcome == null ? NOT_HANDED_OFF : (byte) leadOutcome.kind().ordinal();
        reason[size] = leadOutcome == null || leadOutcome.rejectionCode() == null ? -1 : code(leadOutcome.rejectionCode());
        size++;
    }

    private short code(String rejectionCode) {
        return reasonCodes.computeIfAbsent(rejectionCode, c -> {
            reasons.add(c);
            return (short) (reasons.size() - 1);
        });
    }

    public int size() {
        return size;
    }

    public UUID leadId(int index) {
        check(index);
        return new UUID(high[index], low[index]);
    }

    /** The lead's outcome kind, null when it was never handed off. */
    public OutcomeKind outcome(int index) {
        check(index);
        return outcome[index] == NOT_HANDED_OFF ? null : OutcomeKind.values()[outcome[index]];
    }

    /** The rejection reason code of a REJECTED lead, else null. */
    public String rejectionCode(int index) {
        check(index);
        return reason[index] < 0 ? null : reasons.get(reason[index]);
    }

    /** How many of these leads ended in each outcome; leads never handed off are not counted. */
    public Map<OutcomeKind, Integer> countByOutcome() {
        Map<OutcomeKind, Integer> counts = new EnumMap<>(OutcomeKind.class);
        for (int i = 0; i < size; i++) {
            if (outcome[i] != NOT_HANDED_OFF) {
                counts.merge(OutcomeKind.values()[outcome[i]], 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** How many were rejected for each reason code, sorted by code. */
    public Map<String, Integer> rejectedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            if (reason[i] >= 0) {
                counts.merge(reasons.get(reason[i]), 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    public List<UUID> leadIds() {
        List<UUID> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(new UUID(high[i], low[i]));
        }
        return ids;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
    }
}
