package io.leadproof.evidence.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Counts rejection insights in the database instead of reading every handoff case into the JVM
 * ({@link CohortReader#handoffCases}, kept as the plain recomputation the counts are tested against): the cases are
 * split by a hash of the lead into {@link CohortReadConfig#partitions()} parts counted at once, each by one
 * {@link RejectionPartSql} statement on a connection of its own ({@link PartedRead}: both cores work on one request);
 * the parts' grouped rows are added up and each reason's comparison is made from the sums ({@link RejectionTally}).
 * Reads as {@link SignalCountReader} does ({@link CountSession}).
 */
@ApplicationScoped
public class RejectionCountReader {

    @Inject
    ReplicaReads reads;
    @Inject
    CohortReader cohorts;
    @Inject
    CohortReadConfig config;

    /** One row of a part (the columns of {@link RejectionPartSql}). */
    private record PartRow(String kind, String p, String dim, String val, long n, long n2, int rn, String tkey, boolean f1,
                           boolean f2, boolean f3, List<Hit> hits, Double[] xs, Long[] counts) {
    }

    /** The counts of the handoffs created in the window of {@code q}, months taken in {@code zone}. */
    public RejectionCounts count(CohortQuery q, ZoneId zone, SignalOptions options) {
        return count(q, zone, options, Math.max(1, config.partitions()));
    }

    /** As {@link #count(CohortQuery, ZoneId, SignalOptions)}, the cases split into {@code parts} parts. */
    RejectionCounts count(CohortQuery q, ZoneId zone, SignalOptions options, int parts) {
        cohorts.requireCurrentWorkspace(q.workspaceId());
        Duration timeout = cohorts.defaultTimeout();
        List<YearMonth> months = months(q, zone);
        List<Instant> starts = months.stream().map(m -> m.atDay(1).atStartOfDay(zone).toInstant()).toList();
        List<PartRow> rows = new PartedRead(reads, parts).read(part -> {
            List<PartRow> out = new ArrayList<>();
            return new PartedRead.Reading<>(out, c -> read(c, q, starts, part, timeout, out));
        });
        return assemble(rows, months, options);
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

    private static Void read(Connection c, CohortQuery q, List<Instant> starts, CohortSql.Part part, Duration timeout,
            List<PartRow> out) throws SQLException {
        return CountSession.run(c, q.workspaceId(), timeout, session -> {
            try (var ps = RejectionPartSql.prepare(c, q, starts, part); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    List<Hit> hits = "r".equals(kind) || "l".equals(kind) ? RejectionHits.hits(rs) : List.of();
                    boolean numbers = "x".equals(kind);
                    out.add(new PartRow(kind, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                            rs.getInt(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), hits,
                            numbers ? (Double[]) rs.getArray(18).getArray() : null,
                            numbers ? (Long[]) rs.getArray(16).getArray() : null));
                }
            }
            return null;
        });
    }

    private static RejectionCounts assemble(List<PartRow> rows, List<YearMonth> months, SignalOptions options) {
        RejectionTally tally = new RejectionTally();
        RejectionHits hits = new RejectionHits();
        record MonthKey(int month, String response, String reason, String category) {
        }
        Map<MonthKey, Integer> perMonth = new LinkedHashMap<>();
        for (PartRow r : rows) {
            switch (r.kind()) {
                case "v" -> tally.value(r.p(), r.dim(), r.val(), r.tkey(), r.n());
                case "y" -> tally.typing(r.p(), r.dim(), r.n(), r.n2(), r.f1(), r.f2(), r.f3());
                case "x" -> {
                    for (int i = 0; i < r.xs().length; i++) {
                        tally.number(r.p(), r.dim(), r.tkey(), r.xs()[i], r.counts()[i]);
                    }
                }
                case "m" -> perMonth.merge(new MonthKey(r.rn(), r.dim(), r.p(), r.val()), (int) r.n(), Integer::sum);
                case "r" -> hits.rule(r.p(), r.dim(), (int) r.n(), r.hits(), "label".equals(r.val()));
                case "l" -> hits.latest(r.p(), r.hits());
                default -> throw new IllegalStateException("unknown row " + r.kind());
            }
        }
        List<RejectionCounts.MonthCount> monthCounts = new ArrayList<>();
        Map<String, Integer> rejected = new HashMap<>();
        int accepted = 0;
        for (var m : perMonth.entrySet()) {
            var response = HandoffCase.Response.valueOf(m.getKey().response());
            monthCounts.add(new RejectionCounts.MonthCount(months.get(m.getKey().month() - 1), response, m.getKey().reason(),
                    m.getKey().category() == null ? null : RejectionCategory.valueOf(m.getKey().category()), m.getValue()));
            if (response == HandoffCase.Response.REJECTED) {
                rejected.merge(m.getKey().reason(), m.getValue(), Integer::sum);
            } else if (response == HandoffCase.Response.ACCEPTED) {
                accepted += m.getValue();
            }
        }
        Map<String, RejectionCategory> reasons = new HashMap<>();
        Map<String, SignalCounts> traits = new HashMap<>();
        Map<String, List<RejectionCounts.RuleCount>> rules = new HashMap<>();
        for (String reason : new TreeSet<>(rejected.keySet())) {
            reasons.put(reason, RejectionCategory.valueOf(hits.latest(reason).label()));
            List<CountedSignals.Row> reasonRows = tally.rows(reason, options.quantileBins(), options.maxValuesPerTrait());
            reasonRows.add(new CountedSignals.Row("n", null, null, rejected.get(reason), accepted, 0, 0, 0, 0, 0, 0, null, null));
            traits.put(reason, CountedSignals.assemble(reasonRows, options));
            rules.put(reason, hits.rules(reason));
        }
        return new RejectionCounts(monthCounts, reasons, traits, rules);
    }
}
