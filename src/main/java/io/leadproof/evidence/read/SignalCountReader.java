package io.leadproof.evidence.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.ReplicaReads;
import io.leadproof.evidence.core.CountedSignals;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalOptions;

/**
 * Counts the candidate signals of a whole cohort in the database instead of reading every deal into the JVM; the JVM
 * keeps the statistics. The cohort is split by a hash of the lead into {@link CohortReadConfig#partitions()} parts
 * counted at once, each by one {@link SignalCountSql} statement on a connection of its own ({@link PartedRead}: both
 * cores work on one request, each part a share of the trait lookups and of the activity aggregates); the parts' grouped
 * rows are added up, and ranking, the long tail, custom-key typing and quantile bins are made from the sums
 * ({@link RejectionTally}: group A against group B). Reads as {@link CohortReader} does: through {@link ReplicaReads}
 * (the read-only datasource when configured), bound to the workspace, JIT off, the evidence read's statement timeout
 * (or a job's) ({@link CountSession}).
 */
@ApplicationScoped
public class SignalCountReader {

    /** The group of group A's rows ({@link SignalCountSql}: group B's are null, as the tally's other group). */
    private static final String GROUP_A = "A";

    @Inject
    ReplicaReads reads;
    @Inject
    CohortReader cohorts;
    @Inject
    CohortReadConfig config;

    /** The counts and each group's deals (lead id with its moment, in no particular order). */
    public record Counted(SignalCounts counts, List<Deal> dealsA, List<Deal> dealsB) {
    }

    public record Deal(UUID leadId, Instant moment) {
    }

    public Counted count(CohortQuery q, OutcomeGroup a, OutcomeGroup b, SignalOptions options) {
        return count(q, a, b, options, cohorts.defaultTimeout());
    }

    public Counted count(CohortQuery q, OutcomeGroup a, OutcomeGroup b, SignalOptions options, Duration timeout) {
        return count(q, a, b, options, timeout, Math.max(1, config.partitions()));
    }

    /** As {@link #count(CohortQuery, OutcomeGroup, OutcomeGroup, SignalOptions, Duration)}, in {@code parts} parts. */
    Counted count(CohortQuery q, OutcomeGroup a, OutcomeGroup b, SignalOptions options, Duration timeout, int parts) {
        cohorts.requireCurrentWorkspace(q.workspaceId());
        List<PartRow> rows = new PartedRead(reads, parts).read(part -> {
            List<PartRow> out = new ArrayList<>();
            return new PartedRead.Reading<>(out, c -> read(c, q, a, b, part, timeout, out));
        });
        return assemble(rows, options);
    }

    /** One row of a part (the columns of {@link SignalCountSql} that its kinds use). */
    private record PartRow(String kind, String group, String dim, String val, long n, long n2, String tkey, boolean f1,
                           boolean f2, boolean f3, UUID[] leads, Long[] ords, Double[] xs) {
    }

    private static Void read(Connection c, CohortQuery q, OutcomeGroup a, OutcomeGroup b, CohortSql.Part part,
            Duration timeout, List<PartRow> out) throws SQLException {
        return CountSession.run(c, q.workspaceId(), timeout, session -> {
            try (var ps = SignalCountSql.prepare(c, q, a, b, part); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PartRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getLong(6), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11),
                            array(rs.getArray(14), UUID[].class), array(rs.getArray(16), Long[].class),
                            array(rs.getArray(18), Double[].class)));
                }
            }
            return null;
        });
    }

    private static <T> T array(Array array, Class<T> type) throws SQLException {
        return array == null ? null : type.cast(array.getArray());
    }

    private static Counted assemble(List<PartRow> rows, SignalOptions options) {
        RejectionTally tally = new RejectionTally();
        record Facet(String type, String stage) {
        }
        Map<Facet, long[][]> behaviour = new LinkedHashMap<>();
        long nA = 0;
        long nB = 0;
        List<Deal> dealsA = new ArrayList<>();
        List<Deal> dealsB = new ArrayList<>();
        for (PartRow r : rows) {
            boolean inA = GROUP_A.equals(r.group());
            switch (r.kind()) {
                case "v" -> tally.value(r.group(), r.dim(), r.val(), r.tkey(), r.n());
                case "y" -> tally.typing(r.group(), r.dim(), r.n(), r.n2(), r.f1(), r.f2(), r.f3());
                case "x" -> {
                    for (int i = 0; i < r.xs().length; i++) {
                        tally.number(r.group(), r.dim(), r.tkey(), r.xs()[i], r.ords()[i]);
                    }
                }
                case "n" -> {
                    if (inA) {
                        nA += r.n();
                    } else {
                        nB += r.n();
                    }
                }
                case "b" -> {
                    long[][] sums = behaviour.computeIfAbsent(new Facet(r.dim(), r.val()),
                            k -> new long[][] {new long[r.ords().length], new long[r.ords().length]});
                    for (int i = 0; i < r.ords().length; i++) {
                        sums[inA ? 0 : 1][i] += r.ords()[i];
                    }
                }
                case "d" -> deals(r, inA ? dealsA : dealsB);
                default -> throw new IllegalStateException("unknown row " + r.kind());
            }
        }
        List<CountedSignals.Row> counted = tally.rows(GROUP_A, options.quantileBins(), options.maxValuesPerTrait());
        counted.add(new CountedSignals.Row("n", null, null, nA, nB, 0, 0, 0, 0, 0, 0, null, null));
        behaviour.forEach((f, sums) -> counted.add(new CountedSignals.Row("b", f.type(), f.stage(), 0, 0, 0, 0, 0, 0, 0, 0,
                sums[0], sums[1])));
        return new Counted(CountedSignals.assemble(counted, options), dealsA, dealsB);
    }

    private static void deals(PartRow r, List<Deal> out) {
        for (int i = 0; i < r.leads().length; i++) {
            long m = r.ords()[i];
            out.add(new Deal(r.leads()[i], Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L)));
        }
    }
}
