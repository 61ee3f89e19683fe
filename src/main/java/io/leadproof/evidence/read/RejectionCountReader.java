package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.ReplicaReads;
import io.leadproof.evidence.core.CountedSignals;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.read.RejectionHits.Hit;
import io.leadproof.evidence.rejections.HandoffCase;
import io.leadproof.evidence.rejections.RejectionCounts;
import io.leadproof.feedback.RejectionCategory;

/**
 * Counts rejection insights in the database ({@link RejectionCountSql}: one statement, grouped rows) instead of
 * reading every handoff case into the JVM ({@link CohortReader#handoffCases}, kept as the plain recomputation the
 * counts are tested against). Reads as {@link SignalCountReader} does.
 */
@ApplicationScoped
public class RejectionCountReader {

    @Inject
    ReplicaReads reads;
    @Inject
    CohortReader cohorts;

    /** The counts of the handoffs created in the window of {@code q}, months taken in {@code zone}. */
    public RejectionCounts count(CohortQuery q, ZoneId zone, SignalOptions options) {
        cohorts.requireCurrentWorkspace(q.workspaceId());
        Duration timeout = cohorts.defaultTimeout();
        List<YearMonth> months = months(q, zone);
        List<Instant> starts = months.stream().map(m -> m.atDay(1).atStartOfDay(zone).toInstant()).toList();
        return reads.read(c -> read(c, q, months, starts, options, timeout));
    }

    /** Every month of the zone from the window's start to its last handoff moment (at least one). */
    static List<YearMonth> months(CohortQuery q, ZoneId zone) {
        Instant last = q.to().minusNanos(1).isBefore(q.asOf()) ? q.to().minusNanos(1) : q.asOf();
        YearMonth first = YearMonth.from(q.from().atZone(zone));
        YearMonth end = YearMonth.from(last.atZone(zone));
        List<YearMonth> out = new ArrayList<>(List.of(first));
        for (YearMonth m = first.plusMonths(1); !m.isAfter(end); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    private static RejectionCounts read(Connection c, CohortQuery q, List<YearMonth> months, List<Instant> starts,
            SignalOptions options, Duration timeout) throws SQLException {
        return CountSession.run(c, q.workspaceId(), timeout, session -> {
            Map<String, List<CountedSignals.Row>> rows = new HashMap<>();
            List<RejectionCounts.MonthCount> monthCounts = new ArrayList<>();
            RejectionHits hits = new RejectionHits();
            try (var ps = RejectionCountSql.prepare(c, q, starts, options.quantileBins(), options.maxValuesPerTrait());
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    String p = rs.getString(2);
                    switch (kind) {
                        case "c", "q", "k" -> rows.computeIfAbsent(p, k -> new ArrayList<>()).add(new CountedSignals.Row(kind,
                                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                rs.getLong(9), rs.getLong(10), rs.getDouble(11), rs.getDouble(12), null, null));
                        case "m" -> monthCounts.add(new RejectionCounts.MonthCount(months.get(rs.getInt(7) - 1),
                                HandoffCase.Response.valueOf(rs.getString(3)), p,
                                rs.getString(4) == null ? null : RejectionCategory.valueOf(rs.getString(4)), rs.getInt(5)));
                        case "r" -> hits.rule(p, rs.getString(3), rs.getInt(5), RejectionHits.hits(rs), "label".equals(rs.getString(4)));
                        case "l" -> hits.latest(p, RejectionHits.hits(rs));
                        default -> throw new IllegalStateException("unknown row " + kind);
                    }
                }
            }
            return assemble(monthCounts, rows, hits, options);
        });
    }

    private static RejectionCounts assemble(List<RejectionCounts.MonthCount> months, Map<String, List<CountedSignals.Row>> rows,
            RejectionHits hits, SignalOptions options) {
        Map<String, Integer> rejected = new HashMap<>();
        int accepted = 0;
        for (RejectionCounts.MonthCount m : months) {
            if (m.response() == HandoffCase.Response.REJECTED) {
                rejected.merge(m.reasonCode(), m.handoffs(), Integer::sum);
            } else if (m.response() == HandoffCase.Response.ACCEPTED) {
                accepted += m.handoffs();
            }
        }
        Map<String, RejectionCategory> reasons = new HashMap<>();
        Map<String, SignalCounts> traits = new HashMap<>();
        Map<String, List<RejectionCounts.RuleCount>> rules = new HashMap<>();
        for (String reason : new TreeSet<>(rejected.keySet())) {
            Hit last = hits.latest(reason);
            reasons.put(reason, RejectionCategory.valueOf(last.label()));
            List<CountedSignals.Row> reasonRows = new ArrayList<>(rows.getOrDefault(reason, List.of()));
            reasonRows.add(new CountedSignals.Row("n", null, null, rejected.get(reason), accepted, 0, 0, 0, 0, 0, 0, null, null));
            traits.put(reason, CountedSignals.assemble(reasonRows, options));
            rules.put(reason, hits.rules(reason));
        }
        return new RejectionCounts(months, reasons, traits, rules);
    }
}
