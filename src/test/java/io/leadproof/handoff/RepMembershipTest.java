package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Only a member of the workspace with the sales role can become a rep (issue 13, item 8): a user who never signed in
 * to it — an outsider, a user of another organisation — or one without the sales role is refused, so nobody else can
 * be handed the workspace's leads. An assignment to an unknown rep names ownerId.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "rep-membership", type = AttributeType.STRING_SET))
class RepMembershipTest {

    static final String WS = "rep-membership";
    static final String UPSERT = "mutation($u: String!) { salesRepUpsert(input: {userName: $u}) { rep { userName } userErrors { code field message } } }";

    @Test
    void a_user_who_never_signed_in_here_with_the_sales_role_cannot_be_registered() {
        var outsider = GraphQL.ok(UPSERT, Map.of("u", "eve.outsider"));
        assertThat(outsider.getString("data.salesRepUpsert.rep")).isNull();
        assertThat(outsider.getList("data.salesRepUpsert.userErrors.code")).containsExactly("NOT_A_MEMBER");
        assertThat(outsider.getList("data.salesRepUpsert.userErrors[0].field")).containsExactly("userName");

        Members.signedIn("another-organisation", "olga.sales", "sales");
        assertThat(GraphQL.ok(UPSERT, Map.of("u", "olga.sales")).getList("data.salesRepUpsert.userErrors.code"))
                .as("a rep of another workspace").containsExactly("NOT_A_MEMBER");

        Members.signedIn(WS, "mark.marketing", "marketing");
        assertThat(GraphQL.ok(UPSERT, Map.of("u", "mark.marketing")).getList("data.salesRepUpsert.userErrors.code"))
                .as("a member without the sales role").containsExactly("NOT_A_MEMBER");

        Members.rep(WS, "rita.sales");
        var rep = GraphQL.ok(UPSERT, Map.of("u", "rita.sales"));
        assertThat(rep.getList("data.salesRepUpsert.userErrors")).isEmpty();
        assertThat(rep.getString("data.salesRepUpsert.rep.userName")).isEqualTo("rita.sales");
        assertThat(GraphQL.ok("{ salesReps { userName } }").getList("data.salesReps.userName")).containsExactly("rita.sales");
    }

    @Test
    void an_assignment_to_an_unknown_rep_names_owner_id() {
        Members.rep(WS, "rita.sales");
        GraphQL.ok(UPSERT, Map.of("u", "rita.sales"));
        String lead = GraphQL.ok("mutation { leadUpsert(input: {email: \"own@membership.contoso.com\", jobTitle: \"CFO\", budgetStatus: APPROVED}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities", List.of(
                Map.of("clientEventId", "own-1", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU",
                        "occurredAt", OffsetDateTime.now().minusMinutes(1).toString()),
                Map.of("clientEventId", "own-2", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU",
                        "occurredAt", OffsetDateTime.now().minusMinutes(1).toString())))));
        String handoff = GraphQL.ok("query($id: ID!) { lead(id: $id) { handoffs { id owner } } }", Map.of("id", lead))
                .getString("data.lead.handoffs[0].id");
        assertThat(handoff).as("handed to rita automatically").isNotNull();

        var assign = GraphQL.ok("mutation($h: ID!) { handoffAssign(input: {handoffId: $h, ownerId: \"nobody\"}) { handoff { id } userErrors { code field } } }",
                Map.of("h", handoff));
        assertThat(assign.getList("data.handoffAssign.userErrors.code")).containsExactly("NOT_FOUND");
        assertThat(assign.getList("data.handoffAssign.userErrors[0].field")).containsExactly("ownerId");
        var missing = GraphQL.ok("mutation($h: ID!) { handoffAssign(input: {handoffId: $h, ownerId: \"rita.sales\"}) { userErrors { field } } }",
                Map.of("h", "gid://leadproof/Handoff/00000000-0000-0000-0000-000000000000"));
        assertThat(missing.getList("data.handoffAssign.userErrors[0].field")).as("an unknown handoff names handoffId").containsExactly("handoffId");
    }
}
