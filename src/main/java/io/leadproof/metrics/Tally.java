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
    void add(MetricsRows.Funnel f) {
        leads += f.leads();
        mqls += f.mqls();
        handoffs += f.handoffs();
        accepted += f.accepted();
        rejected += f.rejected();
        bad += f.bad();
        sqls += f.sqls();
        won += f.won();
        lost += f.lost();
        revenue = revenue.add(f.revenue());
        if (f.rejectCode() != null && f.rejected() != 0) {
            reasons.merge(new Reason(f.rejectCode(), f.rejectCategory()), f.rejected(), Long::sum);
        }
    }

    void set(MetricsRows.Timing t) {
        responded = t.responded();
        medianSeconds = t.responded() == 0 ? null : t.medianSeconds();
        p90Seconds = t.responded() == 0 ? null : t.p90Seconds();
        slaBreaches = t.slaBreaches();
    }

    void add(MetricsRows.Band row) {
        var b = bands.computeIfAbsent(row.band(), k -> new Band());
        b.handoffs += row.handoffs();
        b.won += row.won();
        b.wonAmount = b.wonAmount.add(row.wonAmount());
    }

    void add(MetricsRows.Spend row) {
        spend = spend.add(row.amount());
    }

    Map<Reason, Long> reasons() {
        reasons.values().removeIf(v -> v == 0);
        return reasons;
    }

    TreeMap<Long, Band> bands() {
        return bands;
    }
}
