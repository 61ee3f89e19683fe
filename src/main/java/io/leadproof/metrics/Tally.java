package io.leadproof.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Raw sums of one group, as read from the database; {@link MetricsBundle#of} turns them into metrics. */
final class Tally {

    record Reason(String code, String category) {
    }

    static final class Band {
        long handoffs;
        long won;
        BigDecimal wonAmount = BigDecimal.ZERO;
    }

    long leads;
    long mqls;
    long handoffs;
    long accepted;
    long rejected;
    long bad;
    long sqls;
    long won;
    long lost;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal spend = BigDecimal.ZERO;
    long responded;
    Long medianSeconds;
    Long p90Seconds;
    long slaBreaches;
    private final Map<Reason, Long> reasons = new HashMap<>();
    private final TreeMap<Long, Band> bands = new TreeMap<>();

    /** Adds one funnel row: a rollup row or a fact row of the window's partial days. */
    void addFunnel(String code, String category, long[] c, BigDecimal amount) {
        leads += c[0];
        mqls += c[1];
        handoffs += c[2];
        accepted += c[3];
        rejected += c[4];
        bad += c[5];
        sqls += c[6];
        won += c[7];
        lost += c[8];
        revenue = revenue.add(amount);
        if (code != null && c[4] != 0) {
            reasons.merge(new Reason(code, category), c[4], Long::sum);
        }
    }

    void addBand(long band, long handoffCount, long wonCount, BigDecimal wonAmount) {
        var b = bands.computeIfAbsent(band, k -> new Band());
        b.handoffs += handoffCount;
        b.won += wonCount;
        b.wonAmount = b.wonAmount.add(wonAmount);
    }

    Map<Reason, Long> reasons() {
        reasons.values().removeIf(v -> v == 0);
        return reasons;
    }

    TreeMap<Long, Band> bands() {
        return bands;
    }
}
