package io.leadproof.evidence.prediction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Json;
import io.leadproof.evidence.predict.Evaluation;

/** Rows of predictive_model to and from JDBC: {@link StoredModel}, nullable figures, JSON columns. */
final class ModelRows {

    private static final TypeReference<List<Evaluation.CalibrationBin>> BINS = new TypeReference<>() {
    };

    private ModelRows() {
    }

    static StoredModel read(ResultSet rs) throws SQLException {
        String bins = rs.getString(23);
        try {
            return new StoredModel(rs.getObject(1, UUID.class), rs.getInt(2), ModelStatus.valueOf(rs.getString(3)),
                    TrainingTrigger.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8),
                    instant(rs, 9), instant(rs, 10), (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                    (Integer) rs.getObject(13), (Integer) rs.getObject(14), (Integer) rs.getObject(15), (Integer) rs.getObject(16),
                    (Integer) rs.getObject(17), (Integer) rs.getObject(18), (Integer) rs.getObject(19), (Double) rs.getObject(20),
                    (Double) rs.getObject(21), (Double) rs.getObject(22), bins == null ? List.of() : Json.MAPPER.readValue(bins, BINS),
                    rs.getInt(24), PredictivePopulation.valueOf(rs.getString(25)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable calibration of predictive model " + rs.getObject(1), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static void setInt(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    static void setDouble(PreparedStatement ps, int i, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, value);
        }
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
