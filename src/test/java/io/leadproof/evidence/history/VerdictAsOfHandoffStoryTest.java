package io.leadproof.evidence.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import io.leadproof.quality.QualityCode;
import io.leadproof.quality.QualityStatus;
import io.leadproof.scoring.engine.QualityFacts;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Bea, a decision-maker CTO with clean contact data, requests two demos and is handed off; a week later her email
 * bounces and her verdict turns INVALID. Dot, as keen, signed up with a disposable address and was knocked out at once.
 * The backtest of the default model (knock-out on INVALID) as of each handoff judges Bea by the verdict of that moment,
 * VALID, so the knock-out does not take her out then; it still takes Dot out, whose address was INVALID from the start.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerdictAsOfHandoffStoryTest {

    static final String WS = "verdict-as-of-handoff";
    static final String UPSERT = "mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id lifecycleStage dataQuality { status } } } }";
    static String bea;
    static String dot;
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
    void bea_is_handed_off_with_clean_data_dot_is_knocked_out_and_a_week_later_beas_email_bounces() {
        start = Instant.now().plus(TestClock.offset()).minusSeconds(3600);
        bea = keenCto("bea@verdict.contoso.com");
        dot = keenCto("dot@mailinator.com");
        assertThat(lead(bea)).isEqualTo(Map.of("lifecycleStage", "HANDED_OFF", "dataQuality", Map.of("status", "VALID")));
        assertThat(lead(dot)).isEqualTo(Map.of("lifecycleStage", "DISQUALIFIED", "dataQuality", Map.of("status", "INVALID")));

        TestClock.travel(Duration.ofDays(7));
        record(bea, "bea-bounce", "EMAIL_BOUNCED", null);
        assertThat(lead(bea).get("dataQuality")).isEqualTo(Map.of("status", "INVALID"));
    }

    @Test
    @Order(2)
    void the_cohort_sees_beas_verdict_as_of_the_handoff_and_as_of_a_later_moment() {
        scope.run(WS, () -> {
            var now = clock.instant();
            var q = CohortQuery.handedOff(WS, start, now, now);
            var atHandoff = reader.referenceLeads(q);
            assertThat(atHandoff).hasSize(1);
            assertThat(atHandoff.getFirst().traits().quality()).isEqualTo(new QualityFacts(QualityStatus.VALID, List.of()));
            var later = reader.backtestLeads(q.withMoment(ReferenceMoment.createdPlusDays(8)), true);
            assertThat(later).extracting(l -> l.snapshot().quality()).containsExactlyInAnyOrder(
                    new QualityFacts(QualityStatus.INVALID, List.of(QualityCode.EMAIL_BOUNCED)),
                    new QualityFacts(QualityStatus.INVALID, List.of(QualityCode.EMAIL_DISPOSABLE)));
        });
        assertThat(revisions(bea)).as("a verdict given again unchanged appends nothing").containsExactly("VALID:", "INVALID:EMAIL_BOUNCED");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void the_backtest_as_of_the_handoff_keeps_bea_and_knocks_out_dot() {
        var served = GraphQL.ok("{ criteriaModels { id servedVersionId } }");
        String version = served.getString("data.criteriaModels[0].servedVersionId");
        String lenient = GraphQL.ok("mutation($m: ID!, $c: ID) { criteriaDraftCreate(input: {modelId: $m, copyFromVersionId: $c}) { version { id } } }",
                Map.of("m", served.getString("data.criteriaModels[0].id"), "c", version)).getString("data.criteriaDraftCreate.version.id");
        var removed = GraphQL.ok("mutation($v: ID!) { criteriaRuleRemove(input: {versionId: $v, ruleKey: \"invalid-contact-data\"}) { userErrors { code } } }",
                Map.of("v", lenient));
        assertThat(removed.getList("data.criteriaRuleRemove.userErrors")).isEmpty();

        var started = GraphQL.ok("mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) { backtest { id } userErrors { code message } } }",
                Map.of("i", Map.of("versionId", version, "compareWithVersionId", lenient,
                        "from", start.toString(), "to", start.plus(Duration.ofDays(1)).toString())));
        assertThat(started.getList("data.criteriaBacktestStart.userErrors")).isEmpty();
        String id = started.getString("data.criteriaBacktestStart.backtest.id");
        io.restassured.path.json.JsonPath[] last = new io.restassured.path.json.JsonPath[1];
        Await.until("backtest finishes", Duration.ofSeconds(60), () -> {
            last[0] = GraphQL.ok("query($id: ID!) { criteriaBacktest(id: $id) { state result { tested { leads wouldBeMqls }"
                    + " compareWith { wouldBeMqls } newlyQualified(first: 10) { totalCount }"
                    + " newlyExcluded(first: 10) { edges { node { lead { email } } } } } } }", Map.of("id", id));
            return !List.of("QUEUED", "RUNNING").contains(last[0].getString("data.criteriaBacktest.state"));
        });
        var result = last[0];
        String r = "data.criteriaBacktest.result.";
        assertThat(result.getString("data.criteriaBacktest.state")).as(result.prettify()).isEqualTo("SUCCEEDED");
        assertThat(result.getInt(r + "tested.leads")).isEqualTo(2);
        assertThat(result.getInt(r + "tested.wouldBeMqls")).as("Bea, VALID at her handoff").isEqualTo(1);
        assertThat(result.getInt(r + "compareWith.wouldBeMqls")).as("without the knock-out, Dot too").isEqualTo(2);
        assertThat(result.getList(r + "newlyExcluded.edges.node.lead.email")).containsExactly("dot@mailinator.com");
        assertThat(result.getInt(r + "newlyQualified.totalCount")).isZero();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void after_beas_erasure_her_verdict_history_stays_and_no_one_can_rewrite_it() {
        var erased = GraphQL.ok("mutation($id: ID!) { leadErase(input: {leadId: $id, reason: DATA_SUBJECT_REQUEST}) { userErrors { code } } }",
                Map.of("id", bea));
        assertThat(erased.getList("data.leadErase.userErrors")).isEmpty();
        assertThat(revisions(bea)).containsExactly("VALID:", "INVALID:EMAIL_BOUNCED");
        scope.run(WS, () -> {
            var now = clock.instant();
            assertThat(reader.referenceLeads(CohortQuery.handedOff(WS, start, now, now)).getFirst().traits().quality().status())
                    .isEqualTo(QualityStatus.VALID);
        });
        assertThatThrownBy(() -> OwnerSql.exec("update lead_quality_revision set status = 'VALID' where workspace_id = ?", WS))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> OwnerSql.exec("delete from lead_quality_revision where workspace_id = ?", WS))
                .hasStackTraceContaining("append-only");
    }

    private static String keenCto(String email) {
        String id = GraphQL.ok(UPSERT, Map.of("i", Map.of("email", email, "jobTitle", "CTO", "authority", "DECISION_MAKER")))
                .getString("data.leadUpsert.lead.id");
        record(id, email + "-demo", "DEMO_REQUESTED", "BOFU");
        record(id, email + "-trial", "DEMO_REQUESTED", "BOFU");
        return id;
    }

    private static void record(String leadId, String eventId, String type, String stage) {
        var activity = new java.util.HashMap<String, Object>(Map.of("clientEventId", eventId, "leadId", leadId, "type", type,
                "occurredAt", OffsetDateTime.now().plus(TestClock.offset()).minusMinutes(1).toString()));
        if (stage != null) {
            activity.put("funnelStage", stage);
        }
        var json = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }",
                Map.of("i", Map.of("activities", List.of(activity))));
        assertThat(json.getInt("data.activitiesRecord.recordedCount")).isEqualTo(1);
    }

    private static Map<String, Object> lead(String id) {
        return GraphQL.ok("query($id: ID!) { lead(id: $id) { lifecycleStage dataQuality { status } } }", Map.of("id", id)).getMap("data.lead");
    }

    private static List<String> revisions(String leadId) {
        return OwnerSql.strings("select status || ':' || array_to_string(codes, ',') from lead_quality_revision where workspace_id = ?"
                + " and lead_id = ?::uuid order by valid_from, id", WS, leadId.substring(leadId.lastIndexOf('/') + 1));
    }
}
