package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.evidence.backtest.BacktestLead;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.rejections.HandoffCase;
import io.leadproof.evidence.settings.EvidenceSettings;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.leadproof.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Four leads handed to Sam from one campaign: one is won, one accepted and left quiet, one rejected for NO_BUDGET,
 * one never answered; a fifth never qualifies. Three weeks later the workspace (stall period 20 days) reads its
 * cohort: every outcome as the definitions say, the lead as it was at the handoff, nothing logged after it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CohortReaderStoryTest {

    static final String WS = "cohort-story";
    static final Map<String, String> leads = new java.util.LinkedHashMap<>();
    static String campaignId;
    static Instant start;

    @Inject
    CohortReader reader;
    @Inject
    EvidenceSettings settings;
    @Inject
    Clock clock;
    @Inject
    WorkspaceScope scope;

    @AfterAll
    static void backToNow() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void revops_sets_a_stall_period_of_20_days_and_registers_sam() {
        var refused = GraphQL.ok("mutation { evidenceSettingsUpdate(input: {stalledAfterDays: 0}) { evidenceSettings { stalledAfterDays } userErrors { field code } } }");
        assertThat(refused.getList("data.evidenceSettingsUpdate.userErrors.code")).containsExactly("OUT_OF_RANGE");
        assertThat(GraphQL.ok("{ evidenceSettings { stalledAfterDays firstCallWindowDays } }").getMap("data.evidenceSettings"))
                .isEqualTo(Map.of("stalledAfterDays", 30, "firstCallWindowDays", 14));
        var set = GraphQL.ok("mutation { evidenceSettingsUpdate(input: {stalledAfterDays: 20}) { evidenceSettings { stalledAfterDays firstCallWindowDays } userErrors { code } } }");
        assertThat(set.getMap("data.evidenceSettingsUpdate.evidenceSettings")).isEqualTo(Map.of("stalledAfterDays", 20, "firstCallWindowDays", 14));
        campaignId = GraphQL.ok("mutation { campaignCreate(input: {name: \"Cohort webinar\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        Members.rep(WS, "sam");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"sam\"}) { rep { userName } } }");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void marketing_hands_four_leads_to_sam() {
        start = Instant.now().plus(TestClock.offset()).minus(Duration.ofHours(1));
        for (String name : List.of("won", "stalled", "rejected", "open")) {
            leads.put(name, CohortStory.qualifyingLead(name + "@cohort.contoso.com", campaignId));
        }
        leads.put("cold", GraphQL.ok("mutation { leadUpsert(input: {email: \"cold@cohort.contoso.com\"}) { lead { id } } }")
                .getString("data.leadUpsert.lead.id"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sam", roles = "sales", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void sam_wins_one_accepts_one_and_rejects_one() {
        String won = CohortStory.handoffOf(leads.get("won"));
        CohortStory.act("handoffAccept", won, "");
        CohortStory.act("opportunityCreate", won, ", name: \"Deal\"");
        CohortStory.act("dealWin", won, ", amount: {amount: \"5000.00\", currency: \"USD\"}");
        CohortStory.act("handoffAccept", CohortStory.handoffOf(leads.get("stalled")), "");
        CohortStory.act("handoffReject", CohortStory.handoffOf(leads.get("rejected")), ", reasonCode: \"NO_BUDGET\"");
        TestClock.travel(Duration.ofDays(21));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void three_weeks_later_the_won_lead_attends_a_webinar_which_the_cohort_does_not_see() {
        CohortStory.activity(leads.get("won"), "won-late-webinar", "WEBINAR_ATTENDED", "MOFU");
    }

    @Test
    @Order(5)
    void the_cohort_reads_every_outcome_and_the_lead_as_it_was_at_handoff() {
        scope.run(WS, this::readTheCohort);
    }

    private void readTheCohort() {
        var now = clock.instant();
        var stall = settings.of(WS).stalledAfter();
        assertThat(stall).isEqualTo(Duration.ofDays(20));
        var q = new CohortQuery(WS, start, now.plusSeconds(1), ReferenceMoment.atHandoff(), now, stall, null, null, null);
        var cohort = reader.referenceLeads(q);
        assertThat(outcomes(cohort)).isEqualTo(Map.of("won", OutcomeKind.WON, "stalled", OutcomeKind.STALLED,
                "rejected", OutcomeKind.REJECTED, "open", OutcomeKind.OPEN));
        var rejected = byName(cohort, "rejected");
        assertThat(rejected.outcome().rejectionCode()).isEqualTo("NO_BUDGET");
        assertThat(rejected.outcome().rejectionCategory().name()).isEqualTo("BUDGET");
        var won = byName(cohort, "won");
        assertThat(won.referenceMoment()).isEqualTo(won.handedOffAt());
        assertThat(won.traits().budgetStatus()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(won.traits().jobTitle()).isEqualTo("CTO");
        assertThat(won.campaign()).isEqualTo("Cohort webinar");
        assertThat(won.channel().name()).isEqualTo("EVENT");
        assertThat(won.activities()).extracting(a -> a.type()).containsExactlyInAnyOrder(ActivityType.DEMO_REQUESTED, ActivityType.EBOOK_DOWNLOAD)
                .as("the webinar three weeks after the handoff is not known at the handoff");

        var beforeTheStall = reader.referenceLeads(new CohortQuery(WS, start, now.plusSeconds(1), null, now, Duration.ofDays(30), null, null, null));
        assertThat(outcomes(beforeTheStall).get("stalled")).as("30 quiet days have not passed yet").isEqualTo(OutcomeKind.OPEN);
        var atStart = reader.referenceLeads(new CohortQuery(WS, start, now.plusSeconds(1), null, now.minus(Duration.ofDays(20)), stall, null, null, null));
        assertThat(outcomes(atStart)).as("a day after the handoffs the accepted lead was not quiet for 20 days yet")
                .containsEntry("won", OutcomeKind.WON).containsEntry("stalled", OutcomeKind.OPEN);

        var sample = reader.referenceLeads(q.withLimitPerOutcome(1));
        assertThat(sample).hasSize(4);
        var otherCampaign = reader.referenceLeads(q.withFilter(new CohortFilter(List.of(UUID.randomUUID()), null, null, null)));
        assertThat(otherCampaign).isEmpty();
        assertThat(reader.referenceLeads(q.withFilter(new CohortFilter(null, null, null, List.of("sam"))))).hasSize(4);
    }

    @Test
    @Order(6)
    void handoff_cases_carry_the_frozen_contributions_and_backtests_every_lead_created() {
        scope.run(WS, this::readCasesAndBacktests);
    }

    private void readCasesAndBacktests() {
        var now = clock.instant();
        var q = new CohortQuery(WS, start, now.plusSeconds(1), null, now, settings.of(WS).stalledAfter(), null, null, null);
        List<HandoffCase> cases = reader.handoffCases(q);
        assertThat(cases).extracting(HandoffCase::response).containsExactlyInAnyOrder(HandoffCase.Response.ACCEPTED,
                HandoffCase.Response.ACCEPTED, HandoffCase.Response.REJECTED, HandoffCase.Response.PENDING);
        assertThat(cases).allSatisfy(c -> assertThat(c.contributions()).extracting(HandoffCase.RuleHit::ruleKey).contains("budget-approved"));

        List<BacktestLead> everyone = reader.backtestLeads(q, true);
        assertThat(everyone).hasSize(5);
        var cold = everyone.stream().filter(l -> leads.get("cold").endsWith(l.leadId().toString())).findFirst().orElseThrow();
        assertThat(cold.outcome()).isNull();
        assertThat(cold.referenceMoment()).as("never handed off: creation plus the stall period").isEqualTo(cold.snapshot().createdAt().plus(Duration.ofDays(20)));
        assertThat(reader.backtestLeads(q, false)).hasSize(4);
        var streamed = new ArrayList<BacktestLead>();
        reader.streamBacktestLeads(q, true, streamed::add);
        assertThat(streamed).extracting(BacktestLead::leadId).containsExactlyElementsOf(everyone.stream().map(BacktestLead::leadId).toList());
        var wonLead = everyone.stream().filter(l -> leads.get("won").endsWith(l.leadId().toString())).findFirst().orElseThrow();
        assertThat(wonLead.won()).isTrue();
        assertThat(wonLead.owner()).isEqualTo("sam");
        assertThat(wonLead.activities()).extracting(a -> a.type()).doesNotContain(ActivityType.WEBINAR_ATTENDED);

        var later = reader.backtestLeads(q.withMoment(ReferenceMoment.createdPlusDays(30)), true);
        assertThat(later.stream().filter(l -> l.leadId().equals(wonLead.leadId())).findFirst().orElseThrow().activities())
                .extracting(a -> a.type()).contains(ActivityType.WEBINAR_ATTENDED);
    }

    private static Map<String, OutcomeKind> outcomes(List<ReferenceLead> cohort) {
        return cohort.stream().collect(Collectors.toMap(l -> name(l.leadId()), l -> l.outcome().kind()));
    }

    private static ReferenceLead byName(List<ReferenceLead> cohort, String name) {
        return cohort.stream().filter(l -> name(l.leadId()).equals(name)).findFirst().orElseThrow();
    }

    private static String name(UUID id) {
        return leads.entrySet().stream().filter(e -> e.getValue().endsWith(id.toString())).findFirst().orElseThrow().getKey();
    }
}
