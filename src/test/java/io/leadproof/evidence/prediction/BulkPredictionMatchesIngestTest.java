package io.leadproof.evidence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The bulk pass reads its pages in one statement (LeadPage), the ingest reads changed leads in three (CurrentLeads): both
 * must hand the model the same leads. A workspace of planted leads, some from a campaign with more activities (one of them
 * in the future, which neither counts), is trained; every stored bulk prediction equals the prediction the ingest path
 * computes for that lead at the same moment, and the two reads give equal leads.
 */
@QuarkusTest
@TestSecurity(user = "sam", roles = { "revops-admin", "sales" },
        attributes = @SecurityAttribute(key = "workspaces", value = BulkPredictionMatchesIngestTest.WS, type = AttributeType.STRING_SET))
class BulkPredictionMatchesIngestTest {

    static final String WS = "predict-bulk-same";

    @Inject
    WorkspaceScope scope;
    @Inject
    EntityManager em;
    @Inject
    ServedModels served;

    @Test
    void every_bulk_prediction_equals_the_ingest_prediction_of_the_same_lead() {
        PlantedWorkspace.registerRep(WS);
        List<String> planted = PlantedWorkspace.plant(PlantedWorkspace.groundTruth("same", 60, 5, 1.0));
        String campaign = GraphQL.ok("mutation { campaignCreate(input: {name: \"Spring webinar\", channel: PAID_SEARCH}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        for (int i = 0; i < 6; i++) {
            String email = "same-extra-" + i + "@fabrikam.com";
            String lead = GraphQL.ok("mutation($e: String!, $c: ID!) { leadUpsert(input: {email: $e, campaignId: $c, industry: \"Software\"})"
                    + " { lead { id } } }", Map.of("e", email, "c", campaign)).getString("data.leadUpsert.lead.id");
            GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                    List.of(Map.of("clientEventId", email + "-1", "leadId", lead, "type", "WEBINAR_ATTENDED", "occurredAt", ago(40)),
                            Map.of("clientEventId", email + "-2", "leadId", lead, "type", "WEBINAR_ATTENDED", "occurredAt", ago(3)),
                            Map.of("clientEventId", email + "-3", "leadId", lead, "type", "PRICING_PAGE_VIEW", "funnelStage", "MOFU",
                                    "occurredAt", ago(10))))));
            planted.add(lead);
        }
        // recorded straight into the table (an import clock ahead): a future activity counts in neither read
        OwnerSql.exec("insert into activity (workspace_id, id, lead_id, client_event_id, type, occurred_at, recorded_at)"
                + " select workspace_id, gen_random_uuid(), id, 'future-' || id, 'DEMO_REQUESTED', now() + interval '2 days', now()"
                + " from lead where workspace_id = ? and email_normalized like 'same-extra-%'", WS);
        String model = PlantedWorkspace.trainAndWait().getString("data.predictiveModel.id");
        Await.until("the bulk prediction", Duration.ofSeconds(60), () -> OwnerSql.strings(
                "select bulk_state from predictive_model where workspace_id = ? and status = 'SERVED'", WS).equals(List.of("DONE")));
        assertThat(OwnerSql.count("select count(*) from lead_prediction where workspace_id = ?", WS)).isEqualTo(66);

        List<UUID> ids = planted.stream().map(id -> NodeId.require("Lead", id, "id")).toList();
        int compared = scope.call(WS, () -> QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(c -> {
            ServedModel servedModel = served.forWorkspace(WS).orElseThrow();
            assertThat(NodeId.of("PredictiveModel", servedModel.modelId())).isEqualTo(model);
            int n = 0;
            try (var ps = c.prepareStatement("select lead_id, computed_at, probability, band, factors::text from lead_prediction"
                    + " where workspace_id = ? order by lead_id")) {
                ps.setString(1, WS);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID lead = rs.getObject(1, UUID.class);
                        Instant at = rs.getTimestamp(2).toInstant();
                        var expected = servedModel.predict(CurrentLeads.of(c, WS, List.of(lead), at).getFirst());
                        assertThat(rs.getDouble(3)).as("probability of " + lead).isEqualTo(expected.probability());
                        assertThat(rs.getString(4)).as("band of " + lead).isEqualTo(expected.band().name());
                        try (var same = c.prepareStatement("select ?::jsonb::text")) {
                            same.setString(1, LeadPredictions.factorsJson(expected));
                            try (var f = same.executeQuery()) {
                                f.next();
                                assertThat(rs.getString(5)).as("factors of " + lead).isEqualTo(f.getString(1));
                            }
                        }
                        n++;
                    }
                }
            }
            Instant now = Instant.now();
            List<ReferenceLead> paged = LeadPage.read(c, WS, io.leadproof.lead.LeadIdCuts.LOWEST, null, null, 1000, now);
            List<ReferenceLead> one = CurrentLeads.of(c, WS, ids, now);
            assertThat(paged).hasSize(66);
            assertThat(sorted(paged)).usingRecursiveComparison().isEqualTo(sorted(one));
            assertThat(paged.stream().filter(l -> l.campaign() != null).count()).isEqualTo(6);
            assertThat(paged.stream().mapToInt(l -> l.activities().size()).sum()).as("aggregates by type and stage").isEqualTo(60 * 2 + 6 * 2);
            assertThat(paged.stream().flatMap(l -> l.activities().stream()).filter(a -> a.type().name().equals("WEBINAR_ATTENDED"))
                    .map(ActivityAggregate::count)).as("two webinars each, the future demo left out").hasSize(6).containsOnly(2);
            assertThat(paged.stream().flatMap(l -> l.activities().stream()).filter(a -> a.type().name().equals("DEMO_REQUESTED"))
                    .map(a -> a.stage() == null ? "-" : a.stage().name())).as("only the planted demos, not the future one").containsOnly("BOFU");
            return n;
        })));
        assertThat(compared).isEqualTo(66);
    }

    private static List<ReferenceLead> sorted(List<ReferenceLead> leads) {
        List<ReferenceLead> result = new ArrayList<>();
        for (ReferenceLead l : leads.stream().sorted(Comparator.comparing(ReferenceLead::leadId)).toList()) {
            List<ActivityAggregate> activities = l.activities().stream()
                    .sorted(Comparator.comparing((ActivityAggregate a) -> a.type().name()).thenComparing(a -> String.valueOf(a.stage()))).toList();
            result.add(new ReferenceLead(l.leadId(), l.referenceMoment(), l.traits(), l.campaign(), l.channel(), activities,
                    l.handedOffAt(), l.firstCallSignals(), l.outcome()));
        }
        return result;
    }

    private static String ago(int days) {
        return OffsetDateTime.now().minusDays(days).toString();
    }
}
