package io.leadproof.evidence.backtesting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.TestClock;
import io.restassured.path.json.JsonPath;

/** The GraphQL steps backtest stories share: reps, leads with their activities in one batch, sales' answers, versions. */
final class BacktestStory {

    static final String RESULT = """
            id state processedLeads attempts error
            result { actualHandoffs wonLeads
              tested { ...figures } compareWith { ...figures }
              difference { wouldBeMqls qualificationRate handoffsPerRepPerWeek precision recall badLeadRate auc }
              newlyQualified(first: 100) { totalCount byOutcome { outcome count } rejectedByReason { code count }
                edges { node { lead { email } outcome rejectionCode } } }
              newlyExcluded(first: 100) { totalCount byOutcome { outcome count } rejectedByReason { code count }
                edges { node { lead { email } outcome rejectionCode } } } }
            """;
    static final String FIGURES = """
            fragment figures on CriteriaBacktestFigures { leads wouldBeMqls qualificationRate handoffsPerRepPerWeek
              decidedAmongMqls wonAmongMqls rejectedAmongMqls precision recall badLeadRate
              badLeadRateByCategory { category rate } auc scoreBands { from to leads decided won winRate winRateLower winRateUpper } }
            """;

    private BacktestStory() {
    }

    /** Registers sales reps (each signed in once), so that handoffs go round robin. */
    static void reps(String workspace, String... names) {
        for (String rep : names) {
            Members.rep(workspace, rep);
            GraphQL.ok("mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { rep { userName } } }", Map.of("u", rep));
        }
    }

    /** A lead with traits, then all its activities in one batch (scored once): "DEMO_REQUESTED:BOFU", … */
    static String lead(String email, String jobTitle, String budget, String authority, String... activities) {
        var input = new HashMap<String, Object>(Map.of("email", email, "jobTitle", jobTitle));
        if (budget != null) {
            input.put("budgetStatus", budget);
        }
        if (authority != null) {
            input.put("authority", authority);
        }
        String id = GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } userErrors { code message } } }",
                Map.of("i", input)).getString("data.leadUpsert.lead.id");
        assertThat(id).as("lead " + email).isNotNull();
        List<Map<String, Object>> rows = new ArrayList<>();
        String at = OffsetDateTime.now().plus(TestClock.offset()).minusSeconds(30).toString();
        for (int i = 0; i < activities.length; i++) {
            String[] typeStage = activities[i].split(":");
            rows.add(Map.of("clientEventId", email + "-" + i, "leadId", id, "type", typeStage[0], "funnelStage", typeStage[1],
                    "occurredAt", at));
        }
        if (!rows.isEmpty()) {
            var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                    Map.of("i", Map.of("activities", rows)));
            assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(rows.size());
        }
        return id;
    }

    /** The lead's latest handoff id, or null when it has none. */
    static String handoffOf(String leadId) {
        List<String> ids = GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", leadId))
                .getList("data.lead.handoffs.id");
        return ids.isEmpty() ? null : ids.getLast();
    }

    static void act(String mutation, String handoffId, String extra) {
        var json = GraphQL.ok("mutation($h: ID!) { " + mutation + "(input: {handoffId: $h" + extra + "}) { userErrors { code message } } }",
                Map.of("h", handoffId));
        assertThat(json.getList("data." + mutation + ".userErrors")).as(mutation).isEmpty();
    }

    static void win(String handoffId) {
        act("handoffAccept", handoffId, "");
        act("opportunityCreate", handoffId, ", name: \"deal\"");
        act("dealWin", handoffId, ", amount: {amount: \"1000.00\", currency: \"USD\"}");
    }

    static void lose(String handoffId) {
        act("handoffAccept", handoffId, "");
        act("opportunityCreate", handoffId, ", name: \"deal\"");
        act("dealLose", handoffId, ", reason: \"went with a rival\"");
    }

    static void reject(String handoffId, String reason) {
        act("handoffReject", handoffId, ", reasonCode: \"" + reason + "\", disposition: DISQUALIFIED");
    }

    /** The workspace's (seeded) handoff model and the version it serves (its active version when no rescore is pending). */
    static String[] modelAndServedVersion() {
        var json = GraphQL.ok("{ criteriaModels { id drivesHandoffs servedVersionId } }");
        List<Map<String, Object>> models = json.getList("data.criteriaModels");
        var model = models.stream().filter(m -> Boolean.TRUE.equals(m.get("drivesHandoffs"))).findFirst().orElseThrow();
        return new String[] { (String) model.get("id"), (String) model.get("servedVersionId") };
    }

    static String draft(String modelId, String copyFrom) {
        return GraphQL.ok("mutation($m: ID!, $c: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $c}) {"
                + " version { id } userErrors { code } } }", Map.of("m", modelId, "c", copyFrom)).getString("data.criteriaDraftCreate.version.id");
    }

    static void threshold(String versionId, int mql) {
        var json = GraphQL.ok("mutation($v: ID!, $t: Int!) { criteriaThresholdsSet(input: {versionId: $v, mql: $t}) { userErrors { code } } }",
                Map.of("v", versionId, "t", mql));
        assertThat(json.getList("data.criteriaThresholdsSet.userErrors")).isEmpty();
    }

    static void knockOut(String versionId, String key, String field, String value) {
        var json = GraphQL.ok("mutation($v: ID!, $r: CriteriaRuleInput!) { criteriaRuleAdd(input: {versionId: $v, rule: $r}) { userErrors { code message } } }",
                Map.of("v", versionId, "r", Map.of("key", key, "label", key, "kind", "KNOCK_OUT", "field", field, "operator", "EQUALS",
                        "values", List.of(value))));
        assertThat(json.getList("data.criteriaRuleAdd.userErrors")).isEmpty();
    }

    static JsonPath publish(String versionId) {
        return GraphQL.ok("mutation($v: ID!) { criteriaVersionPublish(input: {versionId: $v}) { version { id status }"
                + " backtest { id state } userErrors { code message } } }", Map.of("v", versionId));
    }

    /** Starts a backtest of the week before {@code to} and waits until it is no longer queued or running. */
    static JsonPath backtest(String versionId, String compareWith, Instant to) {
        var input = new HashMap<String, Object>(Map.of("versionId", versionId, "from", to.minus(Duration.ofDays(7)).toString(),
                "to", to.toString()));
        if (compareWith != null) {
            input.put("compareWithVersionId", compareWith);
        }
        var started = GraphQL.ok("mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) {"
                + " backtest { id state } userErrors { field code message } } }", Map.of("i", input));
        assertThat(started.getList("data.criteriaBacktestStart.userErrors")).isEmpty();
        String id = started.getString("data.criteriaBacktestStart.backtest.id");
        return awaitDone(id);
    }

    static JsonPath awaitDone(String id) {
        JsonPath[] last = new JsonPath[1];
        Await.until("backtest " + id + " finishes", Duration.ofSeconds(60), () -> {
            last[0] = GraphQL.ok("query($id: ID!) { criteriaBacktest(id: $id) { " + RESULT + " } } " + FIGURES, Map.of("id", id));
            String state = last[0].getString("data.criteriaBacktest.state");
            return !"QUEUED".equals(state) && !"RUNNING".equals(state);
        });
        return last[0];
    }

    /** Wilson score 95 % interval of k of n, worked out from its formula. */
    static double[] wilson(int k, int n) {
        double z = 1.959963984540054;
        double p = (double) k / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] { centre - half, centre + half };
    }
}
