package io.leadproof.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Writes metrics test data straight into the base tables (workspace, campaign, campaign_cost, lead, handoff), the way
 * the lead/handoff code would, so tests control every timestamp. Handoff transitions mirror Handoff.java.
 */
final class MetricsData {

    static final String[][] REASONS = { { "NO_BUDGET", "BUDGET" }, { "NO_AUTHORITY", "AUTHORITY" }, { "NO_NEED", "NEED" },
            { "BAD_TIMING", "TIMING" }, { "NOT_ICP", "FIT" }, { "BAD_CONTACT_DATA", "DATA_QUALITY" }, { "DUPLICATE", "DATA_QUALITY" },
            { "SPAM_OR_BOT", "DATA_QUALITY" }, { "COMPETITOR", "FIT" }, { "UNRESPONSIVE", "OTHER" }, { "OTHER", "OTHER" } };

    final DataSource ds;
    final String ws;
    /** Where new ids come from; a seeded test replaces it to stay reproducible. */
    java.util.function.Supplier<UUID> ids = UUID::randomUUID;

    MetricsData(DataSource ds, String ws) {
        this.ds = ds;
        this.ws = ws;
    }

    void workspace(String currency, int slaHours) {
        exec("insert into workspace (workspace_id, name, reporting_currency, sla_hours) values (?, ?, ?, ?)"
                + " on conflict (workspace_id) do update set reporting_currency = excluded.reporting_currency,"
                + " sla_hours = excluded.sla_hours", ws, ws, currency, slaHours);
        // The data here is written directly, scores included: a model of its own keeps the default model (and the
        // background scoring of leads it would start) out of this workspace.
        exec("insert into criteria_model (workspace_id, id, name, created_at) values (?, ?, 'Metrics fixture', now())"
                + " on conflict do nothing", ws, UUID.nameUUIDFromBytes(ws.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String[] r : REASONS) {
            exec("insert into rejection_reason (workspace_id, code, label, category, created_at) values (?, ?, ?, ?, now())"
                    + " on conflict do nothing", ws, r[0], r[0], r[1]);
        }
    }

    UUID campaign(UUID id, String name, String channel) {
        exec("insert into campaign (workspace_id, id, name, channel, created_at) values (?, ?, ?, ?, now())", ws, id, name, channel);
        return id;
    }

    UUID cost(UUID campaign, LocalDate day, String amount, String currency) {
        UUID id = ids.get();
        exec("insert into campaign_cost (workspace_id, id, campaign_id, incurred_on, amount, currency, recorded_at, recorded_by)"
                + " values (?, ?, ?, ?, ?, ?, now(), 'test')", ws, id, campaign, day, new BigDecimal(amount), currency);
        return id;
    }

    /** A lead; firstMqlAt/version null for a lead that never reached MQL. */
    UUID lead(Instant createdAt, UUID campaign, String source, Instant firstMqlAt, UUID version, String stage) {
        UUID id = ids.get();
        exec("insert into lead (workspace_id, id, seniority, budget_status, authority, need, timeline, lifecycle_stage, source,"
                + " campaign_id, first_mql_at, first_mql_version_id, created_at, updated_at)"
                + " values (?, ?, 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', ?, ?, ?, ?, ?, ?, ?)",
                ws, id, stage, source, campaign, ts(firstMqlAt), version, ts(createdAt), ts(createdAt));
        return id;
    }

    void stage(UUID lead, String stage) {
        exec("update lead set lifecycle_stage = ?, version = version + 1 where workspace_id = ? and id = ?", stage, ws, lead);
    }

    UUID handoff(UUID lead, String owner, int score, Instant createdAt, Instant dueAt) {
        UUID id = ids.get();
        exec("insert into handoff (workspace_id, id, lead_id, state, owner, version_id, score_total, score_fit, score_engagement,"
                + " contributions, lead_snapshot, created_at, created_by, due_at) values (?, ?, ?, 'PENDING', ?, ?, ?, 0, 0,"
                + " '[]'::jsonb, '{}'::jsonb, ?, 'test', ?)", ws, id, lead, owner, ids.get(), score, ts(createdAt), ts(dueAt));
        return id;
    }

    void touch(UUID h, Instant at) {
        exec("update handoff set first_response_at = coalesce(first_response_at, ?) where workspace_id = ? and id = ?", ts(at), ws, h);
    }

    void accept(UUID h, Instant at) {
        exec("update handoff set state = 'ACCEPTED', accepted_at = ?, first_response_at = coalesce(first_response_at, ?)"
                + " where workspace_id = ? and id = ?", ts(at), ts(at), ws, h);
    }

    void reject(UUID h, Instant at, String code, String category, String disposition) {
        exec("update handoff set state = 'REJECTED', rejected_at = ?, rejection_code = ?, rejection_category = ?, disposition = ?,"
                + " first_response_at = coalesce(first_response_at, ?) where workspace_id = ? and id = ?",
                ts(at), code, category, disposition, ts(at), ws, h);
    }

    void opportunity(UUID h, Instant at) {
        exec("update handoff set state = 'OPPORTUNITY', opportunity_at = ?, opportunity_name = 'deal' where workspace_id = ? and id = ?",
                ts(at), ws, h);
    }

    void win(UUID h, Instant at, String amount, String currency) {
        exec("update handoff set state = 'WON', closed_at = ?, won_amount = ?, won_currency = ? where workspace_id = ? and id = ?",
                ts(at), new BigDecimal(amount), currency, ws, h);
    }

    void lose(UUID h, Instant at) {
        exec("update handoff set state = 'LOST', closed_at = ?, lost_reason = 'price' where workspace_id = ? and id = ?", ts(at), ws, h);
    }

    void exec(String sql, Object... params) {
        Db.in(ds, ws, c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
