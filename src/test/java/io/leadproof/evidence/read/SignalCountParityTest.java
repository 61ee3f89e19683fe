package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.evidence.core.SignalAnalysis;
import io.leadproof.evidence.core.SignalCounts;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.core.SignalTally;
import io.leadproof.evidence.core.SignalFamily;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The database's set-based signal counts (SignalCountReader) equal the Java tally (SignalTally over the cohort's
 * records, which samples still use) on a seeded cohort with every signal family: enum, text with a long tail and number
 * traits, custom attributes typed NUMBER / BOOLEAN / TEXT (and a mixed one), behaviour before and after the moment,
 * campaigns' absence, sources, first-call signals inside and outside the window, and every outcome (won, lost, stalled,
 * rejected in two categories, open); for two pairs of groups and both reference moments; the cohort counted in one
 * statement or split by lead into two or three parts counted at once and added up, with ranks, the long tail, custom
 * typing and quantile cuts made from the sums: the same candidates, counts, statistics and deals every time.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalCountParityTest {
    static final String WS = "signal-count-parity-2";
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    static final String[] TITLES = new String[26];
    static final String[] CODES = {"BUDGET_CONFIRMED", "DECISION_MAKER_ENGAGED", "PAIN_STATED", "JUST_RESEARCHING"};
    static final String[] TYPES = {"DEMO_REQUESTED", "PRICING_PAGE_VIEW", "WEBINAR_ATTENDED", "EMAIL_OPENED"};

    static {
        for (int i = 0; i < TITLES.length; i++) {
            TITLES[i] = i % 3 == 0 ? " Head of Ops " + i : i % 3 == 1 ? "VP Sales " + i : "Engineer " + i;
        }
    }

    @Inject
    SignalCountReader counts;
    @Inject
    CohortReader reader;
    @Inject
    WorkspaceScope scope;
    @Inject
    Clock clock;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_seeded_cohort_with_every_signal_family_is_imported() {
        Random r = new Random(11);
        List<String> campaigns = new ArrayList<>();
        for (String channel : List.of("EVENT", "EMAIL")) {
            campaigns.add(GraphQL.ok("mutation { campaignCreate(input: {name: \"Parity " + channel + "\", channel: " + channel
                    + "}) { campaign { id } } }").getString("data.campaignCreate.campaign.id"));
        }
        List<Map<String, Object>> deals = new ArrayList<>();
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            OffsetDateTime handed = NOW.minusDays(40 + r.nextInt(150)).minusMinutes(r.nextInt(600));
            Map<String, Object> lead = new HashMap<>();
            lead.put("externalId", "p-" + i);
            lead.put("email", "p" + i + "@" + (r.nextInt(4) == 0 ? "Big.contoso.com" : "d" + r.nextInt(8) + ".contoso.com"));
            lead.put("createdAt", handed.minusDays(5 + r.nextInt(20)).toString());
            lead.put("jobTitle", TITLES[Math.min(TITLES.length - 1, (int) Math.abs(r.nextGaussian() * 8))]);
            if (r.nextInt(5) > 0) {
                lead.put("industry", List.of("Software", "software ", "Retail", "Health", "Finance").get(r.nextInt(5)));
            }
            lead.put("budgetStatus", List.of("APPROVED", "UNKNOWN", "NONE").get(r.nextInt(3)));
            lead.put("authority", List.of("DECISION_MAKER", "UNKNOWN").get(r.nextInt(2)));
            lead.put("source", List.of("ORGANIC_SEARCH", "REFERRAL", "EVENT").get(r.nextInt(3)));
            if (r.nextInt(4) > 0) {
                lead.put("annualRevenue", (r.nextInt(6) * 250_000 + 100_000) + ".00");
            }
            if (r.nextBoolean()) {
                lead.put("employeeCount", 5 + r.nextInt(400));
            }
            if (r.nextInt(3) > 0) {
                lead.put("campaignId", campaigns.get(r.nextInt(2)));
            }
            List<Map<String, Object>> custom = new ArrayList<>();
            custom.add(Map.of("key", "seats", "value", Integer.toString(r.nextInt(50))));
            if (r.nextBoolean()) {
                custom.add(Map.of("key", "trial", "value", r.nextBoolean() ? "true" : "False"));
            }
            custom.add(Map.of("key", "segment", "value", "Seg " + r.nextInt(24)));
            custom.add(Map.of("key", "mixed", "value", r.nextBoolean() ? "12" : "n/a"));
            lead.put("customAttributes", custom);
            Map<String, Object> deal = new HashMap<>();
            deal.put("externalDealId", "pd-" + i);
            deal.put("handedOffAt", handed.toString());
            deal.put("lead", lead);
            int end = r.nextInt(6);
            if (end != 5) {
                deal.put("acceptedAt", handed.plusHours(2).toString());
            }
            switch (end) {
                case 0, 1 -> deal.putAll(Map.of("opportunityAt", handed.plusDays(3).toString(), "wonAt", handed.plusDays(20).toString(),
                        "wonAmount", Map.of("amount", "1000.00", "currency", "USD")));
                case 2 -> deal.putAll(Map.of("opportunityAt", handed.plusDays(3).toString(), "lostAt", handed.plusDays(25).toString(),
                        "lostReason", "price"));
                case 5 -> deal.putAll(Map.of("rejectedAt", handed.plusHours(5).toString(),
                        "rejectionReasonCode", r.nextBoolean() ? "NO_BUDGET" : "NOT_ICP"));
                default -> { } // accepted and quiet: stalled
            }
            if (end != 5 && r.nextInt(3) > 0) {
                List<String> codes = new ArrayList<>();
                for (String code : CODES) {
                    if (r.nextInt(3) == 0) {
                        codes.add(code);
                    }
                }
                deal.put("firstCallAt", handed.plusDays(r.nextInt(4) == 0 ? 16 : 1).toString());
                deal.put("firstCallSignals", codes);
            }
            deals.add(deal);
            int acts = r.nextInt(8);
            for (int k = 0; k < acts; k++) {
                String type = TYPES[r.nextInt(TYPES.length)];
                Map<String, Object> activity = new HashMap<>(Map.of("clientEventId", "pa-" + i + "-" + k, "leadExternalId", "p-" + i,
                        "type", type, "occurredAt", handed.minusDays(r.nextInt(45) - 5).minusHours(1).toString()));
                if (r.nextBoolean()) {
                    activity.put("funnelStage", r.nextBoolean() ? "BOFU" : "TOFU");
                }
                activities.add(activity);
            }
        }
        for (int from = 0; from < deals.size(); from += 20) { // small batches: each answers well within the client's timeout
            var imported = GraphQL.ok("mutation($i: DealsImportInput!) { dealsImport(input: $i) { handoffs { state } userErrors { field code message } } }",
                    Map.of("i", Map.of("deals", deals.subList(from, Math.min(deals.size(), from + 20)))));
            assertThat(imported.getList("data.dealsImport.userErrors")).isEmpty();
        }
        for (int from = 0; from < activities.size(); from += 100) {
            var recorded = GraphQL.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount userErrors { code message } } }",
                    Map.of("i", Map.of("activities", activities.subList(from, Math.min(activities.size(), from + 100)))));
            assertThat(recorded.getList("data.activitiesRecord.userErrors")).isEmpty();
        }
    }

    @Test
    @Order(2)
    void the_database_counts_every_candidate_as_the_java_tally_does() {
        OutcomeGroup rejectedForBudget = new OutcomeGroup("budget rejections", Set.of(OutcomeKind.REJECTED), Set.of(RejectionCategory.BUDGET));
        OutcomeGroup wonOrOpen = new OutcomeGroup("won deals", Set.of(OutcomeKind.WON), Set.of());
        scope.run(WS, () -> {
            var now = clock.instant();
            for (ReferenceMoment moment : List.of(ReferenceMoment.atHandoff(), ReferenceMoment.createdPlusDays(10))) {
                CohortQuery q = CohortQuery.handedOff(WS, NOW.minusDays(400).toInstant(), now, now).withMoment(moment);
                SignalOptions options = new SignalOptions(4, 20, 5, q.firstCallWindow());
                compare(q, OutcomeGroup.won(), OutcomeGroup.stalledOrLost(), options, true);
                compare(q, rejectedForBudget, wonOrOpen, options, false);
            }
        });
    }

    private void compare(CohortQuery q, OutcomeGroup a, OutcomeGroup b, SignalOptions options, boolean everyFamily) {
        SignalTally tally = new SignalTally(options);
        for (ReferenceLead lead : reader.referenceLeads(q)) {
            if (a.contains(lead.outcome())) {
                tally.add(lead, true);
            } else if (b.contains(lead.outcome())) {
                tally.add(lead, false);
            }
        }
        SignalCounts java = tally.counts();
        SignalAnalysis.Result expected = SignalAnalysis.fromCounts(java, a, b, q.moment(), List.of(), List.of());
        Set<UUID> dealsA = null;
        for (int parts : new int[] {1, 2, 3}) {
            String as = a.label() + " vs " + b.label() + " " + q.moment() + " in " + parts + " parts";
            var sql = counts.count(q, a, b, options, reader.defaultTimeout(), parts);
            assertThat(sql.counts().nA()).as("group A " + as).isEqualTo(java.nA()).isPositive();
            assertThat(sql.counts().nB()).as("group B " + as).isEqualTo(java.nB()).isPositive();
            assertThat(byKey(sql.counts())).as(as).isEqualTo(byKey(java));
            // every count, interval, p- and q-value, verdict and sentence, in the candidates' order
            assertThat(SignalAnalysis.fromCounts(sql.counts(), a, b, q.moment(), List.of(), List.of())).as(as).isEqualTo(expected);
            assertThat(sql.dealsA()).as(as).hasSize(java.nA());
            assertThat(sql.dealsB()).as(as).hasSize(java.nB());
            Set<UUID> ids = new HashSet<>();
            sql.dealsA().forEach(d -> ids.add(d.leadId()));
            assertThat(ids).as(as).hasSize(java.nA()).isEqualTo(dealsA == null ? ids : dealsA);
            dealsA = ids;
        }
        if (everyFamily) {
            assertThat(java.signals().stream().map(s -> s.signal().family()).distinct())
                    .containsExactlyInAnyOrder(SignalFamily.TRAIT,
                            SignalFamily.CUSTOM_ATTRIBUTE, SignalFamily.BEHAVIOUR, SignalFamily.CAMPAIGN, SignalFamily.SOURCE, SignalFamily.CHANNEL,
                            SignalFamily.FIRST_CALL);
            assertThat(java.signals()).extracting(s -> s.signal().key())
                    .contains("trait:JOB_TITLE=*other", "custom:trial=true", "custom:segment=*other")
                    .anyMatch(k -> k.startsWith("custom:seats∈["))
                    .anyMatch(k -> k.startsWith("trait:ANNUAL_REVENUE∈["));
        }
    }

    private static Map<String, String> byKey(SignalCounts counts) {
        Map<String, String> out = new TreeMap<>();
        counts.signals().forEach(s -> out.put(s.signal().key(), s.a() + "/" + s.b()));
        return out;
    }
}
