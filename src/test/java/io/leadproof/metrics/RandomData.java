package io.leadproof.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded random data for MetricsRandomizedTest: leads over the first half of 2025 (many on day boundaries of several
 * time zones), handoffs with every outcome, costs; then random late changes (updates and deletes of every kind), each
 * a conditional statement so that it is valid in any order, also when run concurrently.
 */
final class RandomData {

    static final String[] CHANNELS = { "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "EVENT", "PARTNER", "PAID_SEARCH" };
    static final String[] SOURCES = { "ORGANIC_SEARCH", "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "EVENT", "REFERRAL", "DIRECT", "OTHER" };
    static final String[] OWNERS = { "ana", "ben", "cy", null };
    static final String[] BOUNDARIES = { "2025-01-01T00:00:00Z", "2025-02-01T05:00:00Z", "2025-03-01T00:00:00Z",
            "2025-03-09T08:00:00Z", "2025-03-31T22:00:00Z", "2025-03-10T18:15:00Z", "2025-03-30T13:00:00Z",
            "2025-04-01T00:00:00Z", "2025-04-05T13:00:00Z", "2025-04-06T13:30:00Z", "2025-05-01T04:00:00Z", "2025-06-30T23:59:59Z" };

    final Random rnd;
    final MetricsData d;
    final List<UUID> campaigns = new ArrayList<>();
    final List<UUID> versions = new ArrayList<>();
    final List<UUID> leads = new ArrayList<>();
    final List<UUID> handoffs = new ArrayList<>();

    RandomData(long seed, MetricsData d) {
        this.rnd = new Random(seed);
        this.d = d;
        d.ids = () -> new UUID(rnd.nextLong(), rnd.nextLong());
    }

    void generate(int leadCount) {
        d.workspace("EUR", 24);
        for (int i = 0; i < CHANNELS.length; i++) {
            campaigns.add(d.campaign(d.ids.get(), "C" + i, CHANNELS[i]));
        }
        for (int i = 0; i < 3; i++) {
            versions.add(d.ids.get());
        }
        for (int i = 0; i < 150; i++) {
            cost();
        }
        for (int i = 0; i < leadCount; i++) {
            lead();
        }
    }

    private void cost() {
        d.cost(pick(campaigns), LocalDate.parse("2024-12-01").plusDays(rnd.nextInt(227)), amount(), "EUR");
    }

    private void lead() {
        Instant created = rnd.nextInt(10) == 0 ? Instant.parse(pick(BOUNDARIES)).minusNanos(1000L * rnd.nextInt(2))
                : Instant.parse("2024-12-20T00:00:00Z").plusSeconds(rnd.nextLong(200L * 86400)).plusNanos(1000L * rnd.nextInt(1_000_000));
        UUID campaign = rnd.nextInt(10) < 7 ? pick(campaigns) : null;
        String source = rnd.nextInt(20) == 0 ? null
                : campaign != null && rnd.nextInt(5) > 0 ? CHANNELS[campaigns.indexOf(campaign)] : pick(SOURCES);
        boolean mql = rnd.nextInt(10) < 6;
        String stage = rnd.nextInt(12) == 0 ? "DISQUALIFIED" : mql ? "MQL" : "NEW";
        UUID lead = d.lead(created, campaign, source, mql ? created.plusSeconds(rnd.nextInt(86400 * 5)) : null,
                mql ? pick(versions) : null, stage);
        leads.add(lead);
        if (!mql || rnd.nextInt(4) == 0) {
            return;
        }
        int count = rnd.nextInt(4) == 0 ? 2 : 1;
        Instant at = created.plusSeconds(3600 + rnd.nextInt(86400 * 10));
        for (int i = 0; i < count; i++) {
            at = handoff(lead, at, i < count - 1);
        }
    }

    /** A handoff and its story; an earlier handoff of a lead is always closed. Returns when the next may start. */
    private Instant handoff(UUID lead, Instant at, boolean mustClose) {
        UUID h = d.handoff(lead, pick(OWNERS), rnd.nextInt(150) - 20, at, at.plus(Duration.ofHours(24)));
        handoffs.add(h);
        Instant response = at.plusSeconds(rnd.nextInt(10) == 0 ? rnd.nextInt(86400 * 4) : rnd.nextInt(86400));
        int story = mustClose ? new int[] { 3, 4, 5, 6 }[rnd.nextInt(4)] : rnd.nextInt(7);
        if (story == 0) {
            if (rnd.nextBoolean()) {
                d.touch(h, response);
            }
            return response;
        }
        if (story == 5) {
            d.reject(h, response, pick(MetricsData.REASONS)[0], "FIT", rnd.nextBoolean() ? "RECYCLED" : "DISQUALIFIED");
            d.exec("update handoff set rejection_category = (select category from rejection_reason r where r.workspace_id ="
                    + " handoff.workspace_id and r.code = handoff.rejection_code) where workspace_id = ? and id = ?", d.ws, h);
            return response.plusSeconds(86400);
        }
        if (rnd.nextBoolean()) {
            d.touch(h, response.minusSeconds(rnd.nextInt(3600)));
        }
        d.accept(h, response);
        if (story == 6) {
            d.reject(h, response.plusSeconds(86400), "NO_NEED", "NEED", "RECYCLED");
            return response.plusSeconds(86400 * 2);
        }
        if (story >= 2) {
            d.opportunity(h, response.plusSeconds(3600));
        }
        if (story == 3) {
            d.win(h, response.plusSeconds(86400 * (1 + rnd.nextInt(120))), amount(), "EUR");
        } else if (story == 4) {
            d.lose(h, response.plusSeconds(86400 * (1 + rnd.nextInt(60))));
        }
        return response.plusSeconds(86400 * 3);
    }

    /**
     * One random late change, drawn now and run later (possibly on another thread): valid whatever ran before, because
     * every update is conditional on the state it changes.
     */
    Runnable change() {
        UUID h = pick(handoffs);
        UUID lead = pick(leads);
        Instant late = Instant.parse("2025-07-20T00:00:00Z").plusSeconds(rnd.nextInt(86400 * 30));
        UUID campaign = pick(campaigns);
        UUID version = pick(versions);
        String source = pick(SOURCES);
        String owner = pick(OWNERS);
        String amount = amount();
        LocalDate day = LocalDate.parse("2024-12-01").plusDays(rnd.nextInt(227));
        UUID costId = d.ids.get();
        int kind = rnd.nextInt(13);
        return () -> run(kind, h, lead, late, campaign, version, source, owner, amount, day, costId);
    }

    private void run(int kind, UUID h, UUID lead, Instant late, UUID campaign, UUID version, String source, String owner,
            String amount, LocalDate day, UUID costId) {
        switch (kind) {
            case 0 -> d.exec("update handoff set state = 'REJECTED', rejected_at = ?, rejection_code = 'BAD_TIMING', rejection_category ="
                    + " 'TIMING', disposition = 'RECYCLED', first_response_at = coalesce(first_response_at, ?) where workspace_id = ?"
                    + " and id = ? and state in ('PENDING', 'ACCEPTED')", MetricsData.ts(late), MetricsData.ts(late), d.ws, h);
            case 1 -> d.exec("update handoff set state = 'WON', closed_at = ?, won_amount = ?, won_currency = 'EUR' where workspace_id = ?"
                    + " and id = ? and state = 'OPPORTUNITY'", MetricsData.ts(late), new java.math.BigDecimal(amount), d.ws, h);
            case 2 -> d.exec("update handoff set state = 'ACCEPTED', accepted_at = ?, first_response_at = coalesce(first_response_at, ?)"
                    + " where workspace_id = ? and id = ? and state = 'PENDING'", MetricsData.ts(late), MetricsData.ts(late), d.ws, h);
            case 3 -> d.exec("update lead set campaign_id = ?, source = ? where workspace_id = ? and id = ?", campaign, source, d.ws, lead);
            case 4 -> d.exec("update lead set lifecycle_stage = 'DISQUALIFIED' where workspace_id = ? and id = ?", d.ws, lead);
            case 5 -> d.exec("update lead set first_mql_at = ?, first_mql_version_id = ? where workspace_id = ? and id = ?"
                    + " and first_mql_at is null", MetricsData.ts(late), version, d.ws, lead);
            case 6 -> d.exec("update handoff set owner = ? where workspace_id = ? and id = ? and state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY')",
                    owner, d.ws, h);
            case 7 -> d.exec("delete from handoff where workspace_id = ? and id = ?", d.ws, h);
            case 8 -> {
                d.exec("delete from handoff where workspace_id = ? and lead_id = ?", d.ws, lead);
                d.exec("delete from lead_score where workspace_id = ? and lead_id = ?", d.ws, lead);
                d.exec("delete from activity where workspace_id = ? and lead_id = ?", d.ws, lead);  // MetricsQualityTest's
                d.exec("delete from lead where workspace_id = ? and id = ?", d.ws, lead);
            }
            case 9 -> d.exec("update lead set created_at = created_at - interval '20 days' where workspace_id = ? and id = ?", d.ws, lead);
            case 10 -> d.exec("update handoff set won_amount = won_amount + 1.25 where workspace_id = ? and id = ? and state = 'WON'", d.ws, h);
            case 11 -> d.exec("insert into campaign_cost (workspace_id, id, campaign_id, incurred_on, amount, currency, recorded_at,"
                    + " recorded_by) values (?, ?, ?, ?, ?, 'EUR', now(), 'late')", d.ws, costId, campaign, day, new java.math.BigDecimal(amount));
            default -> d.exec("update handoff set state = 'OPPORTUNITY', opportunity_at = ? where workspace_id = ? and id = ?"
                    + " and state = 'ACCEPTED'", MetricsData.ts(late), d.ws, h);
        }
    }

    private String amount() {
        return java.math.BigDecimal.valueOf(1 + rnd.nextInt(200_000), 2).toPlainString();
    }

    private <T> T pick(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    private <T> T pick(T[] items) {
        return items[rnd.nextInt(items.length)];
    }
}
