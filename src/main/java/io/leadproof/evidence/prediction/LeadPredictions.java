package io.leadproof.evidence.prediction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.evidence.predict.Factor;
import io.leadproof.evidence.predict.Prediction;

/** Writes leads' predictions under a model, in its population's table: one set-based upsert per batch (unnest of arrays). */
final class LeadPredictions {

    private LeadPredictions() {
    }

    static int write(Connection c, String workspace, ServedModel model, List<ReferenceLead> leads, Instant now) throws SQLException {
        return write(c, workspace, PredictivePopulation.ALL_LEADS, model, leads, now);
    }

    /** The table of a population's predictions: lead_prediction (ALL_LEADS), lead_accepted_prediction (ACCEPTED_LEADS, V111). */
    static String table(PredictivePopulation population) {
        return population == PredictivePopulation.ACCEPTED_LEADS ? "lead_accepted_prediction" : "lead_prediction";
    }

    static int write(Connection c, String workspace, PredictivePopulation population, ServedModel model, List<ReferenceLead> leads,
            Instant now) throws SQLException {
        if (leads.isEmpty()) {
            return 0;
        }
        int n = leads.size();
        Object[] ids = new Object[n];
        Double[] probabilities = new Double[n];
        String[] bands = new String[n];
        String[] factors = new String[n];
        for (int i = 0; i < n; i++) {
            ReferenceLead lead = leads.get(i);
            Prediction p = model.predict(lead);
            ids[i] = lead.leadId();
            probabilities[i] = p.probability();
            bands[i] = p.band().name();
            factors[i] = factorsJson(p);
        }
        try (var ps = c.prepareStatement("insert into " + table(population) + " (workspace_id, lead_id, model_id, probability, band, factors, computed_at)"
                + " select ?, t.lead_id, ?, t.probability, t.band, t.factors::jsonb, ? from unnest(?::uuid[], ?::float8[], ?::text[], ?::text[])"
                + " as t(lead_id, probability, band, factors)"
                + " on conflict (workspace_id, lead_id) do update set model_id = excluded.model_id, probability = excluded.probability,"
                + " band = excluded.band, factors = excluded.factors, computed_at = excluded.computed_at")) {
            ps.setString(1, workspace);
            ps.setObject(2, model.modelId());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setArray(4, c.createArrayOf("uuid", ids));
            ps.setArray(5, c.createArrayOf("float8", probabilities));
            ps.setArray(6, c.createArrayOf("text", bands));
            ps.setArray(7, c.createArrayOf("text", factors));
            return ps.executeUpdate();
        }
    }

    /** Removes the population's predictions of these leads (leads that left it: an accepted prediction of a lead no longer accepted). */
    static void forget(Connection c, String workspace, PredictivePopulation population, List<UUID> leads) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        try (var ps = c.prepareStatement("delete from " + table(population) + " where workspace_id = ? and lead_id = any(?)")) {
            ps.setString(1, workspace);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            ps.executeUpdate();
        }
    }

    /** {"up": [[feature, value, effect], …], "down": […]}, written by hand: Jackson per lead was a tenth of the pass. */
    static String factorsJson(Prediction p) {
        StringBuilder json = new StringBuilder(256).append("{\"up\": ");
        append(json, p.pushingUp());
        json.append(", \"down\": ");
        append(json, p.pushingDown());
        return json.append('}').toString();
    }

    private static void append(StringBuilder json, List<Factor> factors) {
        json.append('[');
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            json.append(i == 0 ? "[" : ", [");
            quote(json, f.feature());
            json.append(", ");
            quote(json, f.value());
            json.append(", ").append(Double.isFinite(f.effect()) ? Double.toString(f.effect()) : "0").append(']');
        }
        json.append(']');
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text == null ? "" : text)).append('"');
    }
}
