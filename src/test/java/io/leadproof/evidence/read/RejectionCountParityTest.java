package io.leadproof.evidence.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.evidence.core.SignalDefinition;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.rejections.RejectionInsights;
import io.leadproof.lead.LeadSource;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.GraphQL;
import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Rejection insights counted in the database (RejectionCountReader) equal the plain recomputation over one record per
 * handoff (CohortReader.handoffCases, then RejectionInsights counting in Java) on a seeded, varied set of handoffs:
 * four reasons in three categories, accepted deals of every end, pending handoffs; text traits with a long tail, numbers
 * with ties, custom attributes typed NUMBER / BOOLEAN / TEXT, one typed differently per reason (a text value only among
 * one reason's rejections); frozen contributions in any order with renamed and missing labels; over
 * fourteen months in two time zones, with two sets of options and a filter; the cases counted in one statement or split
 * by lead into two or three parts counted at once and added up (equal answers).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RejectionCountParityTest {
    static final String WS = "rejection-count-parity";
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    static final String[][] REASONS = {{"NO_BUDGET"}, {"NOT_ICP"}, {"BAD_TIMING"}, {"STUDENT_OR_JOB_SEEKER"}};
    static final String[] RULES = {"budget-approved", "bofu-offer", "title-vp", "demo"};

    @Inject
    RejectionCountReader counts;
    @Inject
    CohortReader reader;
    @Inject
    WorkspaceScope scope;
    @Inject
    Clock clock;

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = WS, type = AttributeType.STRING_SET))
    void a_varied_set_of_answered_handoffs_is_imported() {
        Random r = new Random(29);
        String campaign = GraphQL.ok("mutation { campaignCreate(input: {name: \"Rejections EVENT\", channel: EVENT}) { campaign { id } } }")
                .getString("data.campaignCreate.campaign.id");
        List<Map<String, Object>> deals = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            OffsetDateTime handed = NOW.minusDays(5 + r.nextInt(420)).minusMinutes(r.nextInt(900));
            int end = r.nextInt(10);
            String reason = end >= 6 ? REASONS[Math.min(3, (int) Math.abs(r.nextGaussian() * 1.3))][0] : null;
            Map<String, Object> lead = new HashMap<>();
            lead.put("externalId", "rj-" + i);
            lead.put("email", "rj" + i + "@" + (r.nextInt(3) == 0 ? "fabrikam.com" : "d" + r.nextInt(30) + ".contoso.com"));
            lead.put("createdAt", handed.minusDays(3 + r.nextInt(20)).toString());
            lead.put("jobTitle", "Title " + Math.min(29, (int) Math.abs(r.nextGaussian() * 9)));
            if (r.nextInt(5) > 0) {
                lead.put("industry", List.of("Software", "software ", "Retail", "Health").get(r.nextInt(4)));
            }
            lead.put("budgetStatus", List.of("APPROVED", "UNKNOWN", "NONE").get("NO_BUDGET".equals(reason) ? 1 + r.nextInt(2) : r.nextInt(3)));
            lead.put("source", List.of("ORGANIC_SEARCH", "REFERRAL", "EVENT").get(r.nextInt(3)));
            if (r.nextInt(4) > 0) {
                lead.put("annualRevenue", (r.nextInt(5) * 250_000 + 100_000) + ".00");
            }
            if (r.nextBoolean()) {
                lead.put("employeeCount", 5 + r.nextInt(300));
            }
            if (r.nextInt(3) == 0) {
                lead.put("campaignId", campaign);
            }
            List<Map<String, Object>> custom = new ArrayList<>();
            custom.add(Map.of("key", "seats", "value", Integer.toString(r.nextInt(40))));
            if (r.nextBoolean()) {
                custom.add(Map.of("key", "trial", "value", r.nextBoolean() ? "true" : "False"));
            }
            custom.add(Map.of("key", "segment", "value", "Seg " + r.nextInt(12)));
            // a number everywhere but among NOT_ICP rejections: typed TEXT for that reason only
            custom.add(Map.of("key", "mixed", "value", "NOT_ICP".equals(reason) && r.nextBoolean() ? "n/a" : Integer.toString(r.nextInt(9))));
            lead.put("customAttributes", custom);
            Map<String, Object> deal = new HashMap<>();
            deal.put("externalDealId", "rjd-" + i);
            deal.put("handedOffAt", handed.toString());
            deal.put("lead", lead);
            if (reason != null) {
                deal.putAll(Map.of("rejectedAt", handed.plusHours(4).toString(), "rejectionReasonCode", reason));
            } else if (end < 5) {
                deal.put("acceptedAt", handed.plusHours(2).toString());
                switch (end) {
                    case 0 -> deal.putAll(Map.of("opportunityAt", handed.plusDays(2).toString(), "wonAt", handed.plusDays(4).toString(),
                            "wonAmount", Map.of("amount", "900.00", "currency", "USD")));
                    case 1 -> deal.putAll(Map.of("opportunityAt", handed.plusDays(2).toString(), "lostAt", handed.plusDays(4).toString(),
                            "lostReason", "price"));
                    default -> { } // accepted and quiet
                }
            } // end 5: pending
            deals.add(deal);
        }
        for (int from = 0; from < deals.size(); from += 20) {
            var imported = GraphQL.ok("mutation($i: DealsImportInput!) { dealsImport(input: $i) { handoffs { state } userErrors { field code message } } }",
                    Map.of("i", Map.of("deals", deals.subList(from, Math.min(deals.size(), from + 20)))));
            assertThat(imported.getList("data.dealsImport.userErrors")).isEmpty();
        }
        for (String handoff : OwnerSql.strings("select id::text from handoff where workspace_id = ? order by created_at, id", WS)) {
            OwnerSql.exec("update handoff set contributions = ?::jsonb where workspace_id = ? and id = ?::uuid",
                    contributions(r), WS, handoff);
        }
    }

    /** Frozen contributions: some rules in any order, labels renamed or missing, a hit without a key. */
    private static String contributions(Random r) {
        List<String> hits = new ArrayList<>();
        for (String rule : RULES) {
            if (r.nextInt(3) > 0) {
                String label = r.nextInt(6) == 0 ? "null" : "\"" + rule + (r.nextInt(8) == 0 ? " (renamed)" : "") + "\"";
                hits.add("{\"ruleKey\": \"" + rule + "\", \"ruleLabel\": " + label + ", \"points\": 10}");
            }
        }
        if (r.nextInt(12) == 0) {
            hits.add("{\"points\": 3}");
        }
        java.util.Collections.shuffle(hits, r);
        return "[" + String.join(", ", hits) + "]";
    }

    @Test
    @Order(2)
    void the_database_counts_the_insights_as_the_recomputation_over_every_handoff_does_in_one_part_or_several() {
        scope.run(WS, () -> {
            var now = clock.instant();
            CohortQuery all = CohortQuery.handedOff(WS, NOW.minusDays(430).toInstant(), now, now);
            CohortQuery referrals = all.withFilter(new CohortFilter(List.of(), List.of(LeadSource.REFERRAL, LeadSource.EVENT),
                    List.of(), List.of()));
            for (SignalOptions options : List.of(SignalOptions.defaults(), new SignalOptions(3, 4, 2, all.firstCallWindow()))) {
                for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Chatham"))) {
                    for (CohortQuery q : List.of(all, referrals)) {
                        var expected = RejectionInsights.analyse(reader.handoffCases(q), zone, options);
                        for (int parts : new int[] {1, 2, 3}) {
                            var actual = RejectionInsights.analyse(counts.count(q, zone, options, parts));
                            assertThat(actual).as(parts + " parts " + options + " " + zone + " " + q.filter()).isEqualTo(expected);
                        }
                    }
                }
            }
            var insights = RejectionInsights.analyse(counts.count(all, ZoneOffset.UTC, SignalOptions.defaults()));
            assertThat(insights.reasons()).hasSize(4);
            assertThat(insights.reasons()).flatExtracting(reason -> reason.signals()).extracting(s -> s.signal().getClass().getSimpleName())
                    .contains("RuleContribution", "NumberRange", "TraitValue", "OtherValue");
            var notIcp = insights.reasons().stream().filter(reason -> reason.reasonCode().equals("NOT_ICP")).findFirst().orElseThrow();
            var noBudget = insights.reasons().stream().filter(reason -> reason.reasonCode().equals("NO_BUDGET")).findFirst().orElseThrow();
            assertThat(notIcp.signals()).anySatisfy(s -> assertThat(s.signal().key()).contains("mixed").contains("n/a"));
            assertThat(noBudget.signals()).anySatisfy(s -> assertThat(s.signal()).isInstanceOfSatisfying(
                    SignalDefinition.NumberRange.class, range -> assertThat(range.customKey()).isEqualTo("mixed")));
        });
    }
}
