package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.ReplicaReads;
import io.leadproof.support.GraphQL;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Analysis reads on the read-only datasource, as metrics (MetricsOnReadOnlyDatasourceTest, whose profile points the
 * named datasource at the test database): with {@code LEADPROOF_DB_RO_URL} set, signalAnalysis counts its cohort in one
 * statement on a connection of the named pool, and rejectionInsights reads its cohort through the named pool, each of
 * its parts on a connection of its own, with the answers the primary gives.
 */
@QuarkusTest
@TestProfile(EvidenceOnReadOnlyDatasourceTest.ReadOnlyDatasource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceOnReadOnlyDatasourceTest {

    /** The named datasource pointed at the test database, as MetricsOnReadOnlyDatasourceTest does. */
    public static class ReadOnlyDatasource implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.\"readonly\".jdbc.url", "${quarkus.datasource.jdbc.url}");
        }
    }

    static final String WS = "evidence-readonly";
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Inject
    @DataSource(ReplicaReads.NAME)
    AgroalDataSource readonly;
    @Inject
    ReplicaReads reads;
    @Inject
    CohortReadConfig config;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_imports_three_won_deals_and_three_lost_ones() {
        var deals = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 6; i++) {
            boolean won = i < 3;
            OffsetDateTime handedOff = NOW.minusDays(60).plusHours(i);
            deals.add(Map.of("externalDealId", "ro-deal-" + i, "handedOffAt", handedOff.toString(),
                    "lead", Map.of("externalId", "ro-lead-" + i, "createdAt", handedOff.minusDays(10).toString(),
                            "budgetStatus", won ? "APPROVED" : "UNKNOWN"),
                    "acceptedAt", handedOff.plusDays(1).toString(), "opportunityAt", handedOff.plusDays(2).toString(),
                    won ? "wonAt" : "lostAt", handedOff.plusDays(20).toString(),
                    won ? "wonAmount" : "lostReason", won ? Map.of("amount", "5000.00", "currency", "USD") : "Price"));
        }
        var json = GraphQL.ok("mutation($i: DealsImportInput!) { dealsImport(input: $i) { handoffs { state } userErrors { field code message } } }",
                Map.of("i", Map.of("deals", deals)));
        assertThat(json.getList("data.dealsImport.userErrors")).isEmpty();
        assertThat(json.getList("data.dealsImport.handoffs")).hasSize(6);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "leo", roles = "leadership", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_analysis_and_the_insights_read_their_cohorts_from_the_read_only_datasource() {
        assertThat(reads.usesReplica()).as("LEADPROOF_DB_RO_URL set: the named datasource is active").isTrue();
        var window = Map.of("from", NOW.minusDays(365).toString(), "to", NOW.toString());
        long before = readonly.getMetrics().acquireCount();
        var analysis = GraphQL.ok("""
                query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) {
                  analysis { groupA { size } groupB { size } signals { key groupA { count } groupB { count } } }
                  userErrors { code } } }""", Map.of("input", Map.of("window", window)));
        assertThat(analysis.getInt("data.signalAnalysis.analysis.groupA.size")).isEqualTo(3);
        assertThat(analysis.getInt("data.signalAnalysis.analysis.groupB.size")).isEqualTo(3);
        List<Map<String, Object>> signals = analysis.getList("data.signalAnalysis.analysis.signals");
        assertThat(signals).as("the lead as it was at the handoff, read on the named pool")
                .anySatisfy(s -> assertThat(s).containsEntry("key", "trait:BUDGET_STATUS=APPROVED")
                        .containsEntry("groupA", Map.of("count", 3)).containsEntry("groupB", Map.of("count", 0)));
        var insights = GraphQL.ok("query($input: RejectionInsightsInput!) { rejectionInsights(input: $input) { insights { handoffs accepted } } }",
                Map.of("input", Map.of("window", window)));
        assertThat(insights.getInt("data.rejectionInsights.insights.handoffs")).isEqualTo(6);
        assertThat(readonly.getMetrics().acquireCount() - before)
                .as("the analysis' counts on one connection of the named pool per half (two when reads are parted), the insights' on one per part")
                .isEqualTo((config.partitions() < 2 ? 1L : 2L) + Math.max(1, config.partitions()));
    }
}
