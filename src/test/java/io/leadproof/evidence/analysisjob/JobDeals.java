package io.leadproof.evidence.analysisjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;

import io.restassured.path.json.JsonPath;

import io.leadproof.support.GraphQL;

/** Test data and polling for signal analysis jobs: won deals that had an approved budget, lost ones that had none. */
final class JobDeals {
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    static final Map<String, Object> WINDOW = Map.of("from", NOW.minusDays(365).toString(), "to", NOW.minusMinutes(1).toString());

    private JobDeals() {
    }

    /** {@code won} won deals with an approved budget and {@code lost} lost ones with an unknown budget, as revops imports them. */
    static void importDeals(String prefix, int won, int lost) {
        var deals = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < won + lost; i++) {
            boolean w = i < won;
            OffsetDateTime handedOff = NOW.minusDays(90).plusHours(i);
            deals.add(Map.of("externalDealId", prefix + "-deal-" + i, "handedOffAt", handedOff.toString(),
                    "lead", Map.of("externalId", prefix + "-lead-" + i, "createdAt", handedOff.minusDays(10).toString(),
                            "budgetStatus", w ? "APPROVED" : "UNKNOWN"),
                    "acceptedAt", handedOff.plusDays(1).toString(), "opportunityAt", handedOff.plusDays(2).toString(),
                    w ? "wonAt" : "lostAt", handedOff.plusDays(20).toString(),
                    w ? "wonAmount" : "lostReason", w ? Map.of("amount", "5000.00", "currency", "USD") : "Price"));
        }
        var json = GraphQL.ok("mutation($i: DealsImportInput!) { dealsImport(input: $i) { handoffs { state } userErrors { field code message } } }",
                Map.of("i", Map.of("deals", deals)));
        assertThat(json.getList("data.dealsImport.userErrors")).isEmpty();
    }

    static final String JOB = """
            query($id: ID!) { signalAnalysisJob(id: $id) { id state progress attempts error outcomesAsOf
              result { groupA { size } groupB { size } candidates signals { key verdict groupA { count } groupB { count } }
                       dealsA(first: 2) { totalCount edges { node { outcome budgetStatus lead { id } } } pageInfo { hasNextPage endCursor } }
                       dealsB(first: 100) { totalCount } } } }""";

    /** The job once it is no longer QUEUED or RUNNING (at most 60 s). */
    static JsonPath awaitDone(String id) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            var json = GraphQL.ok(JOB, Map.of("id", id));
            String state = json.getString("data.signalAnalysisJob.state");
            if (!"QUEUED".equals(state) && !"RUNNING".equals(state) || System.nanoTime() > until) {
                return json;
            }
            Thread.sleep(200);
        }
    }
}
