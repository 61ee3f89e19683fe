package io.leadproof.evidence.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.ReplicaReads;
import io.leadproof.evidence.core.CountedSignals;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalOptions;

/**
 * Counts the candidate signals of a whole cohort in the database ({@link SignalCountSql}: one statement, a few hundred
 * grouped rows) instead of reading every deal into the JVM; the JVM keeps the statistics. Reads as {@link CohortReader}
 * does: through {@link ReplicaReads} (the read-only datasource when configured), bound to the workspace, JIT off, the
 * evidence read's statement timeout (or a job's).
 */
@ApplicationScoped
public class SignalCountReader {

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

    /**
     * With more than one read partition, the behaviour facets (an activity aggregate per lead) are counted on a
     * connection of their own while the caller's counts everything else: both cores work on one analysis. The two
     * statements judge the same cohort, each in its own snapshot, which an analysis of past handoffs does not notice.
     */
    public Counted count(CohortQuery q, OutcomeGroup a, OutcomeGroup b, SignalOptions options, Duration timeout) {
        cohorts.requireCurrentWorkspace(q.workspaceId());
        if (config.partitions() < 2) {
            Rows all = reads.read(c -> read(c, q, a, b, options, timeout, SignalCountSql.Half.ALL));
            return new Counted(CountedSignals.assemble(all.rows(), options), all.dealsA(), all.dealsB());
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Rows> behaviour = threads.submit(() -> reads.readApart(
                    c -> read(c, q, a, b, options, timeout, SignalCountSql.Half.BEHAVIOUR)));
            Rows traits = reads.read(c -> read(c, q, a, b, options, timeout, SignalCountSql.Half.TRAITS));
            List<CountedSignals.Row> rows = new ArrayList<>(traits.rows());
            rows.addAll(behaviour.get().rows());
            return new Counted(CountedSignals.assemble(rows, options), traits.dealsA(), traits.dealsB());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting signals", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private record Rows(List<CountedSignals.Row> rows, List<Deal> dealsA, List<Deal> dealsB) {
    }

    private static Rows read(Connection c, CohortQuery q, OutcomeGroup a, OutcomeGroup b, SignalOptions options,
            Duration timeout, SignalCountSql.Half half) throws SQLException {
        return CountSession.run(c, q.workspaceId(), timeout, session -> {
            List<CountedSignals.Row> rows = new ArrayList<>();
            List<Deal> dealsA = new ArrayList<>();
            List<Deal> dealsB = new ArrayList<>();
            try (var ps = SignalCountSql.prepare(c, q, a, b, options.quantileBins(), options.maxValuesPerTrait(), half);
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("d".equals(rs.getString(1))) {
                        deals(rs, "A".equals(rs.getString(2)) ? dealsA : dealsB);
                    } else {
                        rows.add(new CountedSignals.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10),
                                rs.getDouble(11), longs(rs.getArray(12)), longs(rs.getArray(13))));
                    }
                }
            }
            return new Rows(rows, dealsA, dealsB);
        });
    }

    private static void deals(ResultSet rs, List<Deal> out) throws SQLException {
        UUID[] ids = (UUID[]) rs.getArray(14).getArray();
        Long[] micros = (Long[]) rs.getArray(15).getArray();
        for (int i = 0; i < ids.length; i++) {
            long m = micros[i];
            out.add(new Deal(ids[i], Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L)));
        }
    }

    private static long[] longs(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Long[] values = (Long[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
