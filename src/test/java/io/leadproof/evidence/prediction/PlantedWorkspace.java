package io.leadproof.evidence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;

/**
 * Plants decided handoffs through the API, as a workspace would live them: every lead is a CFO with an approved budget
 * who requested a demo and downloaded an eBook (an MQL under the default criteria, handed off at once to the one rep, sam); won leads are accepted, get an
 * opportunity and are won; the others are rejected. The caller runs as sam with the revops-admin and sales roles.
 */
public final class PlantedWorkspace {

    public record Planted(String email, String industry, int employees, boolean won) {
    }

    private PlantedWorkspace() {
    }

    public static void registerRep(String workspace) {
        Members.rep(workspace, "sam");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"sam\"}) { rep { userName } } }");
    }

    /**
     * A known logistic ground truth: log-odds of WON = 3 for software, −3 for retail, + 0.5 per standard deviation of
     * employees; outcomes drawn with a seeded random. When {@code reversedFrom} is below 1, leads from that share on
     * have the truth reversed (software loses): a model trained on the earlier ones sorts the latest ones backwards.
     */
    public static List<Planted> groundTruth(String prefix, int leads, long seed, double reversedFrom) {
        Random random = new Random(seed);
        List<Planted> result = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            boolean software = i % 2 == 0;
            double employees = random.nextGaussian();
            double logit = (software ? 3 : -3) + 0.5 * employees;
            if (i >= leads * reversedFrom) {
                logit = -logit;
            }
            boolean won = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            result.add(new Planted(prefix + "-" + i + "@planted.contoso.com", software ? "Software" : "Retail",
                    (int) Math.round(200 * Math.exp(employees)), won));
        }
        return result;
    }

    /** Plants the leads in order (handoff moments follow it); the lead ids, in the same order. */
    public static List<String> plant(List<Planted> leads) {
        List<String> ids = new ArrayList<>();
        for (Planted p : leads) {
            String lead = GraphQL.ok("""
                    mutation($e: String!, $i: String!, $n: Int!) { leadUpsert(input: {email: $e, jobTitle: "CFO", budgetStatus: APPROVED,
                      industry: $i, employeeCount: $n}) { lead { id } userErrors { code message } } }""",
                    Map.of("e", p.email(), "i", p.industry(), "n", p.employees())).getString("data.leadUpsert.lead.id");
            String at = OffsetDateTime.now().minusMinutes(1).toString();
            GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                    List.of(Map.of("clientEventId", p.email() + "-demo", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", at),
                            Map.of("clientEventId", p.email() + "-ebook", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", at)))));
            String handoff = GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", lead))
                    .getString("data.lead.handoffs[0].id");
            assertThat(handoff).as("handoff of " + p.email()).isNotNull();
            if (p.won()) {
                GraphQL.ok("mutation($h: ID!) { handoffAccept(input: {handoffId: $h}) { userErrors { code } } }", Map.of("h", handoff));
                GraphQL.ok("mutation($h: ID!) { opportunityCreate(input: {handoffId: $h, name: \"Planted\"}) { userErrors { code } } }",
                        Map.of("h", handoff));
                var won = GraphQL.ok("mutation($h: ID!) { dealWin(input: {handoffId: $h, amount: {amount: \"1000.00\", currency: \"USD\"}})"
                        + " { handoff { state } userErrors { code message } } }", Map.of("h", handoff));
                assertThat(won.getString("data.dealWin.handoff.state")).as(won.prettify()).isEqualTo("WON");
            } else {
                var rejected = GraphQL.ok("mutation($h: ID!) { handoffReject(input: {handoffId: $h, reasonCode: \"NO_NEED\"})"
                        + " { handoff { state } userErrors { code message } } }", Map.of("h", handoff));
                assertThat(rejected.getString("data.handoffReject.handoff.state")).as(rejected.prettify()).isEqualTo("REJECTED");
            }
            ids.add(lead);
        }
        return ids;
    }

    static final String MODEL = """
            query($id: ID!) { predictiveModel(id: $id) { id version status served reason predictedLeads
              sample { decided won notWon moreDecidedNeeded moreWonNeeded moreNotWonNeeded }
              evaluation { trainingLeads holdoutLeads holdoutWon auc brier topDecileLift calibration { decile leads meanPredicted actualWinRate } } } }""";

    /** Starts a training and waits until it finished; the model as the API shows it. */
    public static io.restassured.path.json.JsonPath trainAndWait() {
        var started = GraphQL.ok("mutation { predictiveModelTrain(input: {note: \"planted\"}) { model { id status } userErrors { code message } } }");
        assertThat(started.getList("data.predictiveModelTrain.userErrors")).as(started.prettify()).isEmpty();
        String id = started.getString("data.predictiveModelTrain.model.id");
        Await.until("the training to finish", Duration.ofSeconds(60), () -> {
            String status = GraphQL.ok(MODEL, Map.of("id", id)).getString("data.predictiveModel.status");
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
        return GraphQL.ok(MODEL, Map.of("id", id));
    }
}
