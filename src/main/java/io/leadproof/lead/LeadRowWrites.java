package io.leadproof.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.OptimisticLockException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Json;
import io.leadproof.common.SqlArrays;

/**
 * Writes the leads a batch captured and revised, one statement each for the new and the changed ones (arrays unnested
 * in the server): a statement on lead costs a metrics refresh (R__metrics_maintenance.sql) whatever its row count, so
 * a batch of 500 leads is two refreshes, not one per JDBC batch chunk. The rules stay on {@link Lead} (capture, revise);
 * this only moves their result. Changed leads carry the version they were read with: a concurrent writer makes the
 * batch fail like an entity's optimistic check would.
 */
final class LeadRowWrites {

    private static final String TRAITS = "external_id, email, email_normalized, first_name, last_name, phone, company_name,"
            + " company_domain, annual_revenue, employee_count, industry, job_title, seniority, country, source, campaign_id,"
            + " budget_status, budget_amount, authority, need, timeline, owner_id, custom_attributes, updated_at, traits_observed_at";
    private static final String ARRAYS = "unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::numeric[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[],"
            + " ?::text[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],"
            + " ?::timestamptz[], ?::timestamptz[], ?::bigint[])"
            + " as t(id, external_id, email, email_normalized, first_name, last_name, phone, company_name, company_domain,"
            + " annual_revenue, employee_count, industry, job_title, seniority, country, source, campaign_id, budget_status,"
            + " budget_amount, authority, need, timeline, owner_id, custom_attributes, updated_at, traits_observed_at,"
            + " created_at, version)";

    private LeadRowWrites() {
    }

    /** Inserts new leads, each in the stage it arrives in (NEW, or where scoring's knock-out on arrival put it). */
    static void insert(Connection c, String workspace, List<Lead> leads, Function<UUID, LifecycleStage> stage)
            throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        String sql = "insert into lead (workspace_id, id, lifecycle_stage, created_at, version, " + TRAITS + ")"
                + " select ?, t.id, s.stage, t.created_at, 0, " + columns("t.") + " from " + ARRAYS
                + " join unnest(?::uuid[], ?::text[]) as s(id, stage) on s.id = t.id order by t.id";
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, workspace);
            int next = bind(ps, 2, leads);
            SqlArrays.setText(ps, next, column(leads, Lead::id));
            SqlArrays.setText(ps, next + 1, column(leads, l -> stage.apply(l.id()).name()));
            ps.executeUpdate();
        }
    }

    static void update(Connection c, String workspace, List<Lead> leads) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        String sql = "update lead l set (" + TRAITS + ", version) = (" + columns("t.") + ", l.version + 1) from " + ARRAYS
                + " where l.workspace_id = ? and l.id = t.id and l.version = t.version";
        try (var ps = c.prepareStatement(sql)) {
            int next = bind(ps, 1, leads);
            ps.setString(next, workspace);
            if (ps.executeUpdate() != leads.size()) {
                throw new OptimisticLockException("a lead of the batch was changed concurrently");
            }
        }
    }

    private static String columns(String prefix) {
        return prefix + TRAITS.replace(", ", ", " + prefix).replace("custom_attributes", "custom_attributes::jsonb");
    }

    private static int bind(java.sql.PreparedStatement ps, int first, List<Lead> leads) throws SQLException {
        int i = first;
        SqlArrays.setText(ps, i++, column(leads, Lead::id));
        SqlArrays.setText(ps, i++, column(leads, Lead::externalId));
        SqlArrays.setText(ps, i++, column(leads, Lead::email));
        SqlArrays.setText(ps, i++, column(leads, Lead::emailNormalized));
        SqlArrays.setText(ps, i++, column(leads, Lead::firstName));
        SqlArrays.setText(ps, i++, column(leads, Lead::lastName));
        SqlArrays.setText(ps, i++, column(leads, Lead::phone));
        SqlArrays.setText(ps, i++, column(leads, Lead::companyName));
        SqlArrays.setText(ps, i++, column(leads, Lead::companyDomain));
        SqlArrays.setText(ps, i++, column(leads, l -> text(l.annualRevenue())));
        SqlArrays.setText(ps, i++, column(leads, Lead::employeeCount));
        SqlArrays.setText(ps, i++, column(leads, Lead::industry));
        SqlArrays.setText(ps, i++, column(leads, Lead::jobTitle));
        SqlArrays.setText(ps, i++, column(leads, l -> name(l.seniority())));
        SqlArrays.setText(ps, i++, column(leads, Lead::country));
        SqlArrays.setText(ps, i++, column(leads, l -> name(l.source())));
        SqlArrays.setText(ps, i++, column(leads, Lead::campaignId));
        SqlArrays.setText(ps, i++, column(leads, l -> name(l.budgetStatus())));
        SqlArrays.setText(ps, i++, column(leads, l -> text(l.budgetAmount())));
        SqlArrays.setText(ps, i++, column(leads, l -> name(l.authority())));
        SqlArrays.setText(ps, i++, column(leads, l -> name(l.need())));
        SqlArrays.setText(ps, i++, column(leads, l -> name(l.timeline())));
        SqlArrays.setText(ps, i++, column(leads, Lead::ownerId));
        SqlArrays.setText(ps, i++, column(leads, l -> json(l.customAttributes())));
        SqlArrays.setText(ps, i++, column(leads, l -> timestamp(l.updatedAt())));
        SqlArrays.setText(ps, i++, column(leads, l -> timestamp(l.traitsObservedAt())));
        SqlArrays.setText(ps, i++, column(leads, l -> timestamp(l.createdAt())));
        SqlArrays.setText(ps, i++, column(leads, Lead::version));
        return i;
    }

    private static Object[] column(List<Lead> leads, Function<Lead, Object> column) {
        var values = new Object[leads.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = column.apply(leads.get(k));
        }
        return values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    // as text, cast in the server: an array element of type Timestamp would be sent in the JVM's time zone
    private static String timestamp(java.time.Instant at) {
        return at == null ? null : at.toString();
    }

    private static String text(java.math.BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
