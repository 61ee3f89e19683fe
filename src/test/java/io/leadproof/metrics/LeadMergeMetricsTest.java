package io.leadproof.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.NodeId;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * leadMerge keeps the metrics exact, tested like erasure and the late changes: seeded random leads and handoffs, then
 * random merges through the API (interleaved with random late changes of every kind), and after each phase every
 * metric of every group of every case equals {@link MetricsTruth}, the definitions recomputed from scratch over the
 * base tables (a merged-away lead is in no cohort), and the fact and rollup tables equal their definitions. Merges
 * alone keep the money and remove exactly one lead each from the whole cohort.
 */
@QuarkusTest
@TestSecurity(user = "rita", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = LeadMergeMetricsTest.WS, type = AttributeType.STRING_SET))
class LeadMergeMetricsTest {

    static final String WS = "metrics-merge";
    static final long SEED = Long.getLong("metrics.seed", 20250301L) + 17;
    private static final String MERGE = "mutation($s: ID!, $m: ID!) { leadMerge(input: {survivorId: $s, mergedId: $m}) {"
            + " merge { survivor { id } merged { id } moved { key value } } userErrors { code field message } } }";
    private static final String ALL = "query($w: MetricsWindowInput!) { metrics(window: $w) { leads handoffs won revenue { amount } } }";

    @Inject
    AgroalDataSource ds;

    @Test
    void metrics_after_random_merges_equal_a_recomputation_from_scratch() throws Exception {
        var data = new RandomData(SEED, new MetricsData(ds, WS));
        data.generate(400);
        var cases = MetricsRandomizedTest.cases(data);
        MetricsRandomizedTest.compareAll(ds, WS, "initial load", cases);
        var rnd = new Random(SEED);
        var merged = new HashSet<UUID>();

        var before = whole();
        int done = merges(data, rnd, merged, 40);
        var after = whole();
        assertThat(done).as("merges done").isGreaterThan(20);
        assertThat(((Number) after.get("leads")).intValue()).as("each merged lead counted once")
                .isEqualTo(((Number) before.get("leads")).intValue() - done);
        assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) after.get("revenue")).get("amount"))))
                .as("revenue moves with the handoffs").isEqualByComparingTo(new BigDecimal(String.valueOf(((Map<?, ?>) before.get("revenue")).get("amount"))));
        assertThat(((Number) after.get("won")).intValue()).as("won leads: two won leads merged are one").isLessThanOrEqualTo(((Number) before.get("won")).intValue());
        MetricsRandomizedTest.compareAll(ds, WS, "after merges", cases);
        MetricsInvariants.check(ds, WS);

        for (int i = 0; i < 150; i++) {
            data.change().run();
            if (i % 10 == 0) {
                merges(data, rnd, merged, 2);
            }
        }
        MetricsRandomizedTest.compareAll(ds, WS, "after late changes and merges", cases);
        MetricsInvariants.check(ds, WS);
        MetricsInvariants.compact(ds, WS, 100_000);
        MetricsInvariants.check(ds, WS);
        MetricsRandomizedTest.compareAll(ds, WS, "after full compaction", cases);
    }

    private static Map<String, Object> whole() {
        return GraphQL.ok(ALL, Map.of("w", Map.of("from", "2024-01-01", "to", "2026-01-01"))).getMap("data.metrics");
    }

    /** Tries {@code count} random merges of live leads; both with an open handoff is refused (CONFLICT). Returns how many merged. */
    private int merges(RandomData data, Random rnd, Set<UUID> merged, int count) {
        int done = 0;
        for (int i = 0; i < count; i++) {
            var live = new ArrayList<>(data.leads.stream().filter(l -> !merged.contains(l) && exists(l)).toList());
            UUID s = live.get(rnd.nextInt(live.size())), m = live.get(rnd.nextInt(live.size()));
            if (s.equals(m)) {
                continue;
            }
            boolean bothOpen = open(s) && open(m);
            var res = GraphQL.ok(MERGE, Map.of("s", NodeId.of("Lead", s), "m", NodeId.of("Lead", m))).setRootPath("data.leadMerge");
            List<String> codes = res.getList("userErrors.code");
            if (bothOpen) {
                assertThat(codes).containsExactly("CONFLICT");
                continue;
            }
            assertThat(codes).as("merge %s into %s", m, s).isEmpty();
            merged.add(m);
            done++;
            var again = GraphQL.ok(MERGE, Map.of("s", NodeId.of("Lead", s), "m", NodeId.of("Lead", m))).setRootPath("data.leadMerge");
            assertThat(again.<String>getList("userErrors.code")).as("a lead is merged once").containsExactly("ALREADY_MERGED");
        }
        return done;
    }

    private boolean exists(UUID lead) {
        return count("select count(*) from lead where workspace_id = ? and id = ?", lead) == 1;
    }

    private boolean open(UUID lead) {
        return count("select count(*) from handoff where workspace_id = ? and lead_id = ? and state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY')", lead) > 0;
    }

    private long count(String sql, UUID lead) {
        return Db.in(ds, WS, c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, WS);
                ps.setObject(2, lead);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
