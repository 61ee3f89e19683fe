package io.leadproof.evidence.prediction;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Json;

/** Leads' stored predictions, read in one query for a batch of leads. */
final class PredictionReads {

    private static final TypeReference<Map<String, List<List<Object>>>> FACTORS = new TypeReference<>() {
    };

    record Stored(UUID modelId, int modelVersion, double probability, PredictionBand band, List<PredictionTypes.FactorView> factors,
            Instant computedAt) {
    }

    private PredictionReads() {
    }

    static Map<UUID, Stored> of(Connection c, String workspace, List<UUID> leads) throws SQLException {
        return of(c, workspace, PredictivePopulation.ALL_LEADS, leads);
    }

    static Map<UUID, Stored> of(Connection c, String workspace, PredictivePopulation population, List<UUID> leads) throws SQLException {
        Map<UUID, Stored> result = new HashMap<>();
        try (var ps = c.prepareStatement("select p.lead_id, p.model_id, m.version, p.probability, p.band, p.factors::text, p.computed_at"
                + " from " + LeadPredictions.table(population) + " p join predictive_model m on m.workspace_id = p.workspace_id and m.id = p.model_id"
                + " where p.workspace_id = ? and p.lead_id = any(?)")) {
            ps.setString(1, workspace);
            ps.setArray(2, c.createArrayOf("uuid", leads.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1, UUID.class), new Stored(rs.getObject(2, UUID.class), rs.getInt(3), rs.getDouble(4),
                            PredictionBand.valueOf(rs.getString(5)), factors(rs.getString(6)), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return result;
    }

    /** Pushing up first, then pushing down, each largest effect first (as written). */
    private static List<PredictionTypes.FactorView> factors(String json) {
        try {
            Map<String, List<List<Object>>> stored = Json.MAPPER.readValue(json, FACTORS);
            List<PredictionTypes.FactorView> result = new ArrayList<>();
            for (String side : List.of("up", "down")) {
                for (List<Object> f : stored.getOrDefault(side, List.of())) {
                    result.add(new PredictionTypes.FactorView((String) f.get(0), (String) f.get(1), ((Number) f.get(2)).doubleValue()));
                }
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable prediction factors", e);
        }
    }
}
