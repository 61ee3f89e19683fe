package io.leadproof.evidence.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.read.CohortQuery;
import io.leadproof.evidence.read.CohortReader;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * A decision-maker CTO who requests two demos is handed off with an unknown budget; a week later sales learns the
 * budget is approved. The cohort as of the handoff still sees UNKNOWN — the lead as it was, not as it is. History
 * imported from another system states when its values became true, in order, never before the lead existed.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraitHistoryStoryTest {

    static final String WS = "trait-history";
    static String leadId;
    static Instant start;

    @Inject
    CohortReader reader;
    @Inject
    WorkspaceScope scope;
    @Inject
    Clock clock;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_decision_maker_with_an_unknown_budget_is_handed_off_and_a_week_later_the_budget_is_approved() {
        start = Instant.now().plus(TestClock.offset()).minusSeconds(3600);
        leadId = GraphQL.ok("mutation { leadUpsert(input: {email: \"ivy@history.contoso.com\", jobTitle: \"CTO\", authority: DECISION_MAKER}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id");
        for (String id : List.of("ivy-demo", "ivy-trial")) {
            var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                    Map.of("i", Map.of("activities", List.of(Map.of("clientEventId", id, "leadId", leadId, "type", "DEMO_REQUESTED",
                            "funnelStage", "BOFU", "occurredAt", OffsetDateTime.now().plus(TestClock.offset()).minusMinutes(1).toString())))));
            assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(1);
        }
        assertThat(GraphQL.ok("query($id: ID!) { lead(id: $id) { lifecycleStage } }", Map.of("id", leadId)).getString("data.lead.lifecycleStage"))
                .isEqualTo("HANDED_OFF");
        TestClock.travel(Duration.ofDays(7));
        var approved = GraphQL.ok("mutation { leadUpsert(input: {email: \"ivy@history.contoso.com\", budgetStatus: APPROVED}) { lead { budgetStatus } userErrors { code } } }");
        assertThat(approved.getString("data.leadUpsert.lead.budgetStatus")).isEqualTo("APPROVED");
    }

    @Test
    @Order(2)
    void as_of_the_handoff_the_budget_was_unknown_and_ten_days_after_creation_it_was_approved() {
        scope.run(WS, () -> {
            var now = clock.instant();
            var q = CohortQuery.handedOff(WS, start, now, now);
            var atHandoff = reader.referenceLeads(q);
            assertThat(atHandoff).hasSize(1);
            assertThat(atHandoff.getFirst().traits().budgetStatus()).isEqualTo(BudgetStatus.UNKNOWN);
            assertThat(atHandoff.getFirst().traits().jobTitle()).isEqualTo("CTO");
            var later = reader.backtestLeads(q.withMoment(ReferenceMoment.createdPlusDays(10)), true);
            assertThat(later.getFirst().snapshot().budgetStatus()).isEqualTo(BudgetStatus.APPROVED);
        });
        assertThat(OwnerSql.strings("select budget_status || '@' || lifecycle_stage from lead_trait_revision where workspace_id = ?"
                + " and lead_id = ?::uuid order by observed_at, id", WS, leadId.substring(leadId.lastIndexOf('/') + 1)))
                .as("every change is a revision: creation, qualification and handoff, then the budget")
                .startsWith("UNKNOWN@NEW").endsWith("APPROVED@HANDED_OFF");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void imported_history_states_when_its_values_became_true_in_order() {
        var now = OffsetDateTime.now(ZoneOffset.UTC).plus(TestClock.offset());
        String upsert = "mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id budgetStatus } userErrors { field code message } } }";
        var created = GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-1", "createdAt", now.minusDays(60).toString(),
                "observedAt", now.minusDays(60).toString(), "budgetStatus", "UNKNOWN")));
        assertThat(created.getList("data.leadUpsert.userErrors")).isEmpty();
        var later = GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-1", "budgetStatus", "APPROVED", "observedAt", now.minusDays(30).toString())));
        assertThat(later.getList("data.leadUpsert.userErrors")).isEmpty();

        assertThat(codes(GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-1", "budgetStatus", "NONE", "observedAt", now.minusDays(40).toString())))))
                .containsExactly("OUT_OF_ORDER");
        assertThat(codes(GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-1", "budgetStatus", "NONE", "observedAt", now.minusDays(61).toString())))))
                .containsExactly("BEFORE_CREATION");
        assertThat(codes(GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-1", "budgetStatus", "NONE", "observedAt", now.plusDays(1).toString())))))
                .containsExactly("IN_FUTURE");
        assertThat(codes(GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-2", "createdAt", now.minusDays(5).toString(),
                "observedAt", now.minusDays(6).toString()))))).as("a new lead too").containsExactly("BEFORE_CREATION");
        assertThat(OwnerSql.strings("select r.budget_status || ' ' || (r.observed_at = l.created_at + interval '30 days') from lead_trait_revision r"
                + " join lead l on l.workspace_id = r.workspace_id and l.id = r.lead_id where l.workspace_id = ? and l.external_id = 'crm-1'"
                + " order by r.observed_at, r.id", WS)).as("refused values left no revision").containsExactly("UNKNOWN false", "APPROVED true");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_new_leads_first_revision_is_observed_when_stated_and_the_stated_moment_is_not_kept_on_the_lead() {
        var now = OffsetDateTime.now(ZoneOffset.UTC).plus(TestClock.offset());
        String upsert = "mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } userErrors { field code message } } }";
        assertThat(GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-3", "createdAt", now.minusDays(20).toString(),
                "observedAt", now.minusDays(12).toString(), "budgetStatus", "UNKNOWN"))).getList("data.leadUpsert.userErrors")).isEmpty();
        assertThat(GraphQL.ok(upsert, Map.of("i", Map.of("externalId", "crm-4", "budgetStatus", "NONE")))
                .getList("data.leadUpsert.userErrors")).isEmpty();

        assertThat(OwnerSql.strings("select l.external_id || ' ' || (r.observed_at - l.created_at) || ' ' || (l.traits_observed_at is null)"
                + " from lead_trait_revision r join lead l on l.workspace_id = r.workspace_id and l.id = r.lead_id"
                + " where l.workspace_id = ? and l.external_id in ('crm-3', 'crm-4') order by l.external_id, r.id", WS))
                .as("one revision each: at the stated moment, else at creation; the lead keeps no stated moment")
                .containsExactly("crm-3 8 days true", "crm-4 00:00:00 true");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void after_her_erasure_the_cohort_keeps_every_fact_but_nothing_personal() {
        var erased = GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { erasure { leadId } userErrors { code } } }",
                Map.of("id", leadId));
        assertThat(erased.getList("data.leadErase.userErrors")).isEmpty();
        assertThat(OwnerSql.strings("select count(*) from lead_trait_revision where workspace_id = ? and (email is not null or job_title is not null)"
                + " and lead_id = ?::uuid", WS, leadId.substring(leadId.lastIndexOf('/') + 1))).containsExactly("0");
    }

    @Test
    @Order(5)
    void the_erased_lead_is_still_in_the_cohort_as_it_was_and_another_workspace_cannot_read_it() {
        scope.run(WS, () -> {
            var now = clock.instant();
            var atHandoff = reader.referenceLeads(CohortQuery.handedOff(WS, start, now, now));
            assertThat(atHandoff).hasSize(1);
            var traits = atHandoff.getFirst().traits();
            assertThat(traits.budgetStatus()).isEqualTo(BudgetStatus.UNKNOWN);
            assertThat(traits.seniority()).as("derived facts stay").isEqualTo(io.leadproof.lead.Seniority.C_LEVEL);
            assertThat(traits.jobTitle()).isNull();
            assertThat(traits.emailDomain()).isNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.referenceLeads(CohortQuery.handedOff("cohort-story", start, now, now)))
                    .as("a job bound to one workspace never reads another's cohort").isInstanceOf(IllegalArgumentException.class);
        });
    }

    private static List<String> codes(io.restassured.path.json.JsonPath json) {
        assertThat(json.getString("data.leadUpsert.lead")).isNull();
        return json.getList("data.leadUpsert.userErrors.code");
    }
}
