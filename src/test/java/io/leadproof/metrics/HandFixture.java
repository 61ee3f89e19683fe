package io.leadproof.metrics;

import static io.leadproof.metrics.MetricsData.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The small data set whose metrics MetricsFixtureTest works out by hand. Window of interest: March 2025.
 *
 * <pre>
 * lead created (UTC)            campaign source          MQL  stage         handoffs (owner, frozen score): outcome
 * L9   2025-02-28 23:59:59      -        DIRECT          -    NEW           -                              (before March UTC)
 * L1   2025-03-01 00:00:00      A        PAID_SEARCH     V1   WON           H1 sam 72: accepted +2h, opportunity, won 12000.00
 * L2   2025-03-05 08:00         A        PAID_SEARCH     V1   LOST          H2 sam 55: rejected +48h NO_BUDGET, recycled;
 *                                                                           H3 rita 64 (April): accepted +1.5h, opportunity, lost
 * L3   2025-03-10 12:00         B        EVENT           V2   HANDED_OFF    H4 rita 81: touched +6h, still pending
 * L10  2025-03-15 00:00         B        EVENT           V1   WON           H7 sam 66: accepted +1h, opportunity, won 3000.50
 * L4   2025-03-20 23:30         B        EVENT           V2   HANDED_OFF    H5 sam 90: no response, due time long passed
 * L5   2025-03-25 00:00         -        ORGANIC_SEARCH  -    DISQUALIFIED  - (knock-out)
 * L6   2025-03-28 00:00         -        REFERRAL        V1   DISQUALIFIED  H6 rita 48: rejected +1h SPAM_OR_BOT, disqualified
 * L7   2025-03-31 23:59:59.9999 A        PAID_SEARCH     -    NEW           -
 * L8   2025-04-01 00:00:00      A        PAID_SEARCH     V1   WON           H8 sam 77: accepted +1h, opportunity, won 500.00
 *
 * costs (EUR): A 2025-02-28 100.00, 2025-03-01 300.00, 2025-03-31 200.00, 2025-04-01 999.00; B 2025-03-15 1000.00
 * SLA 24 hours (due = handoff + 24 h).
 * </pre>
 */
final class HandFixture {

    static final UUID CAMPAIGN_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID CAMPAIGN_B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID V1 = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    static final UUID V2 = UUID.fromString("00000000-0000-4000-8000-0000000000f2");

    private HandFixture() {
    }

    static void seed(MetricsData d) {
        d.workspace("EUR", 24);
        d.campaign(CAMPAIGN_A, "A", "PAID_SEARCH");
        d.campaign(CAMPAIGN_B, "B", "EVENT");
        d.cost(CAMPAIGN_A, LocalDate.parse("2025-02-28"), "100.00", "EUR");
        d.cost(CAMPAIGN_A, LocalDate.parse("2025-03-01"), "300.00", "EUR");
        d.cost(CAMPAIGN_A, LocalDate.parse("2025-03-31"), "200.00", "EUR");
        d.cost(CAMPAIGN_A, LocalDate.parse("2025-04-01"), "999.00", "EUR");
        d.cost(CAMPAIGN_B, LocalDate.parse("2025-03-15"), "1000.00", "EUR");

        d.lead(at("2025-02-28T23:59:59Z"), null, "DIRECT", null, null, "NEW");

        UUID l1 = d.lead(at("2025-03-01T00:00:00Z"), CAMPAIGN_A, "PAID_SEARCH", at("2025-03-02T09:00:00Z"), V1, "WON");
        UUID h1 = handoff(d, l1, "sam", 72, "2025-03-02T10:00:00Z");
        d.accept(h1, at("2025-03-02T12:00:00Z"));
        d.opportunity(h1, at("2025-03-10T00:00:00Z"));
        d.win(h1, at("2025-06-01T00:00:00Z"), "12000.00", "EUR");

        UUID l2 = d.lead(at("2025-03-05T08:00:00Z"), CAMPAIGN_A, "PAID_SEARCH", at("2025-03-06T08:00:00Z"), V1, "LOST");
        UUID h2 = handoff(d, l2, "sam", 55, "2025-03-06T09:00:00Z");
        d.reject(h2, at("2025-03-08T09:00:00Z"), "NO_BUDGET", "BUDGET", "RECYCLED");
        UUID h3 = handoff(d, l2, "rita", 64, "2025-04-10T09:00:00Z");
        d.accept(h3, at("2025-04-10T10:30:00Z"));
        d.opportunity(h3, at("2025-04-12T00:00:00Z"));
        d.lose(h3, at("2025-05-01T00:00:00Z"));

        UUID l3 = d.lead(at("2025-03-10T12:00:00Z"), CAMPAIGN_B, "EVENT", at("2025-03-10T13:00:00Z"), V2, "HANDED_OFF");
        UUID h4 = handoff(d, l3, "rita", 81, "2025-03-11T00:00:00Z");
        d.touch(h4, at("2025-03-11T06:00:00Z"));

        UUID l10 = d.lead(at("2025-03-15T00:00:00Z"), CAMPAIGN_B, "EVENT", at("2025-03-15T12:00:00Z"), V1, "WON");
        UUID h7 = handoff(d, l10, "sam", 66, "2025-03-16T00:00:00Z");
        d.accept(h7, at("2025-03-16T01:00:00Z"));
        d.opportunity(h7, at("2025-03-20T00:00:00Z"));
        d.win(h7, at("2025-04-15T00:00:00Z"), "3000.50", "EUR");

        UUID l4 = d.lead(at("2025-03-20T23:30:00Z"), CAMPAIGN_B, "EVENT", at("2025-03-20T23:45:00Z"), V2, "HANDED_OFF");
        handoff(d, l4, "sam", 90, "2025-03-21T00:00:00Z");

        d.lead(at("2025-03-25T00:00:00Z"), null, "ORGANIC_SEARCH", null, null, "DISQUALIFIED");

        UUID l6 = d.lead(at("2025-03-28T00:00:00Z"), null, "REFERRAL", at("2025-03-28T06:00:00Z"), V1, "HANDED_OFF");
        UUID h6 = handoff(d, l6, "rita", 48, "2025-03-29T00:00:00Z");
        d.reject(h6, at("2025-03-29T01:00:00Z"), "SPAM_OR_BOT", "DATA_QUALITY", "DISQUALIFIED");
        d.stage(l6, "DISQUALIFIED");

        d.lead(Instant.parse("2025-03-31T23:59:59.999999Z"), CAMPAIGN_A, "PAID_SEARCH", null, null, "NEW");

        UUID l8 = d.lead(at("2025-04-01T00:00:00Z"), CAMPAIGN_A, "PAID_SEARCH", at("2025-04-01T06:00:00Z"), V1, "WON");
        UUID h8 = handoff(d, l8, "sam", 77, "2025-04-01T10:00:00Z");
        d.accept(h8, at("2025-04-01T11:00:00Z"));
        d.opportunity(h8, at("2025-04-05T00:00:00Z"));
        d.win(h8, at("2025-04-20T00:00:00Z"), "500.00", "EUR");
    }

    private static UUID handoff(MetricsData d, UUID lead, String owner, int score, String createdAt) {
        Instant created = at(createdAt);
        return d.handoff(lead, owner, score, created, created.plus(24, ChronoUnit.HOURS));
    }
}
