package io.leadproof.node;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * A Relay client refetches whatever it has cached by global id: every kind of object a workspace holds comes back from
 * `node` and `nodes` as itself (same id, the __typename its id names), no two objects share an id, and another
 * workspace's ids find nothing.
 */
@QuarkusTest
class NodeRefetchTest {

    static final String WS = "node-refetch";

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void every_object_a_client_caches_is_refetched_by_its_global_id() {
        List<String> ids = sampleIds();
        var seen = new HashSet<String>();
        for (String id : ids) {
            assertThat(seen.add(id)).as("global ids are unique across types: " + id).isTrue();
            var json = GraphQL.ok("query($id: ID!) { node(id: $id) { __typename id } }", Map.of("id", id));
            assertThat(json.getString("data.node.id")).as(id).isEqualTo(id);
            assertThat(id).as("the id names the type it refetches as").contains("/" + json.getString("data.node.__typename") + "/");
        }
        var batch = GraphQL.ok("query($ids: [String!]!) { nodes(ids: $ids) { __typename id } }", Map.of("ids", ids));
        assertThat(batch.getList("data.nodes.id")).containsExactlyElementsOf(ids);
        assertThat(batch.getList("data.nodes.__typename")).contains("Workspace", "SalesRep", "RejectionReason", "CampaignCost",
                "PrivacyAuditEntry", "LeadScore", "Lead", "Campaign", "CriteriaModel", "CriteriaVersion", "Activity", "SignalAnalysisJob", "FirstCallSignalCode", "ImportMapping",
                "CriteriaPublishPolicy", "EvidenceSettings");
    }

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void nodes_takes_at_most_a_hundred_ids_and_unknown_ids_come_back_null() {
        String lead = "gid://leadproof/Lead/00000000-0000-4000-8000-000000000001";
        var json = GraphQL.ok("query($ids: [String!]!) { nodes(ids: $ids) { id } }", Map.of("ids", List.of(lead)));
        assertThat(json.getList("data.nodes")).containsExactly((Object) null);
        var tooMany = GraphQL.post("query($ids: [String!]!) { nodes(ids: $ids) { id } }", Map.of("ids", Collections.nCopies(101, lead)));
        assertThat(tooMany.getString("errors[0].message")).contains("1..100");
        var bad = GraphQL.post("{ node(id: \"lead-1\") { id } }");
        assertThat(bad.getString("errors[0].message")).contains("not a LeadProof global id");
    }

    @Test
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS + "," + WS + "-other", type = AttributeType.STRING_SET))
    void the_workspace_header_takes_the_alias_or_the_global_id_and_ids_stay_in_their_workspace() {
        String gid = "gid://leadproof/Workspace/" + WS;
        var byGid = given().contentType(ContentType.JSON).header("X-LeadProof-Workspace", gid)
                .body(Map.of("query", "{ workspace { id alias } }")).post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(byGid.getString("data.workspace.id")).isEqualTo(gid);
        assertThat(byGid.getString("data.workspace.alias")).isEqualTo(WS);
        String other = given().contentType(ContentType.JSON).header("X-LeadProof-Workspace", WS + "-other")
                .body(Map.of("query", "query($id: ID!) { node(id: $id) { id } }", "variables", Map.of("id", gid)))
                .post("/graphql").then().statusCode(200).extract().jsonPath().getString("data.node");
        assertThat(other).as("a workspace's id finds nothing from another workspace").isNull();
    }

    /** One object of every kind, made the way a client would, and the ids the answers carry. */
    static List<String> sampleIds() {
        var ids = new ArrayList<String>();
        String campaign = GraphQL.ok("mutation { campaignCreate(input: {name: \"Refetch " + System.nanoTime() + "\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        ids.add(campaign);
        ids.add(GraphQL.ok("mutation($c: ID!, $d: Date!) { campaignCostRecord(input: {campaignId: $c, incurredOn: $d,"
                + " amount: {amount: \"10.00\", currency: \"USD\"}}) { cost { id } } }",
                Map.of("c", campaign, "d", LocalDate.now(ZoneOffset.UTC).toString())).getString("data.campaignCostRecord.cost.id"));
        Members.rep(WS, "rita");
        ids.add(GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"rita\"}) { rep { id } } }").getString("data.salesRepUpsert.rep.id"));
        ids.add(GraphQL.ok("{ rejectionReasons { id } }").getString("data.rejectionReasons[0].id"));
        String signal = GraphQL.ok("mutation { firstCallSignalCodeCreate(input: {code: \"REFETCH_ME\", label: \"Refetch me\"}) { signal { id } } }")
                .getString("data.firstCallSignalCodeCreate.signal.id");
        assertThat(GraphQL.ok("{ firstCallSignalCodes { id } }").getList("data.firstCallSignalCodes.id")).as("listed with the same id").contains(signal);
        ids.add(signal);
        String mapping = GraphQL.ok("mutation { importMappingSave(input: {name: \"refetch\", kind: LEADS, columns: [{header: \"Email\", field: \"email\"}]})"
                + " { mapping { id } userErrors { code message } } }").getString("data.importMappingSave.mapping.id");
        assertThat(GraphQL.ok("mutation { importMappingSave(input: {name: \"refetch\", kind: LEADS, columns: [{header: \"E-mail\", field: \"email\"}]})"
                + " { mapping { id } } }").getString("data.importMappingSave.mapping.id")).as("saved again under its name: same id").isEqualTo(mapping);
        assertThat(GraphQL.ok("{ importMappings { id } }").getList("data.importMappings.id")).as("listed with the same id").contains(mapping);
        ids.add(mapping);
        ids.add(GraphQL.ok("{ workspace { id } }").getString("data.workspace.id"));
        var models = GraphQL.ok("{ criteriaModels { id } }");
        String model = models.getString("data.criteriaModels[0].id");
        ids.add(model);
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"refetch-" + System.nanoTime() + "@example.com\", jobTitle: \"CTO\"})"
                + " { lead { id } } }").getString("data.leadUpsert.lead.id");
        ids.add(lead);
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", "refetch-" + System.nanoTime(), "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU",
                        "occurredAt", OffsetDateTime.now().minusMinutes(1).toString())))));
        var read = GraphQL.ok("query($id: ID!) { lead(id: $id) { activities(first: 1) { edges { node { id } } } score { id versionId } } }",
                Map.of("id", lead));
        ids.add(read.getString("data.lead.activities.edges[0].node.id"));
        ids.add(read.getString("data.lead.score.id"));
        ids.add(read.getString("data.lead.score.versionId"));
        ids.add(GraphQL.ok("mutation($l: ID!) { leadExport(input: {leadId: $l}) { export { privacyAudit { id } } } }", Map.of("l", lead))
                .getString("data.leadExport.export.privacyAudit[0].id"));
        var window = Map.of("from", OffsetDateTime.now().minusDays(30).toString(), "to", OffsetDateTime.now().minusDays(1).toString());
        ids.add(GraphQL.ok("mutation($i: SignalAnalysisInput!) { signalAnalysisStart(input: $i) { job { id } } }",
                Map.of("i", Map.of("window", window))).getString("data.signalAnalysisStart.job.id"));
        // the workspace's settings: one object each, reached from Workspace and handed back by the mutations that change them
        var settings = GraphQL.ok("{ workspace { publishPolicy { id } evidenceSettings { id } } }");
        String policy = settings.getString("data.workspace.publishPolicy.id");
        String evidence = settings.getString("data.workspace.evidenceSettings.id");
        assertThat(GraphQL.ok("mutation { criteriaPublishPolicySet(input: {requireBacktest: false}) { policy { id requireBacktest } } }")
                .getString("data.criteriaPublishPolicySet.policy.id")).as("the payload hands back the same policy").isEqualTo(policy);
        assertThat(GraphQL.ok("mutation { evidenceSettingsUpdate(input: {stalledAfterDays: 30}) { evidenceSettings { id stalledAfterDays } } }")
                .getString("data.evidenceSettingsUpdate.evidenceSettings.id")).as("the payload hands back the same settings").isEqualTo(evidence);
        var queried = GraphQL.ok("{ criteriaPublishPolicy { id } evidenceSettings { id } }");
        assertThat(List.of(queried.getString("data.criteriaPublishPolicy.id"), queried.getString("data.evidenceSettings.id")))
                .as("the queries answer the same objects").containsExactly(policy, evidence);
        ids.add(policy);
        ids.add(evidence);
        return ids;
    }
}
