package io.leadproof.evidence.read;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Json;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.leadproof.scoring.engine.LeadSnapshot;
import io.leadproof.scoring.engine.QualityFacts;

/**
 * Reads the 16 trait columns of {@link LeadsAsOf#TRAIT_COLUMNS} and the verdict of {@link LeadsAsOf#VERDICT_COLUMN}
 * into the engine's {@link LeadSnapshot}.
 */
final class TraitColumns {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private TraitColumns() {
    }

    static LeadSnapshot snapshot(ResultSet rs, int first, Instant createdAt, String verdict) throws SQLException {
        int i = first;
        String email = rs.getString(i);
        return new LeadSnapshot(email == null ? null : email.substring(email.lastIndexOf('@') + 1),
                rs.getString(i + 1), rs.getString(i + 2), rs.getBigDecimal(i + 3), (Integer) rs.getObject(i + 4),
                rs.getString(i + 5), rs.getString(i + 6), enumOf(Seniority.class, rs.getString(i + 7)), rs.getString(i + 8),
                enumOf(LeadSource.class, rs.getString(i + 9)), enumOf(BudgetStatus.class, rs.getString(i + 10)),
                rs.getBigDecimal(i + 11), enumOf(Authority.class, rs.getString(i + 12)), enumOf(Need.class, rs.getString(i + 13)),
                enumOf(Timeline.class, rs.getString(i + 14)), custom(rs.getString(i + 15)), createdAt,
                QualityFacts.parse(verdict));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Map<String, Object> custom(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable custom attributes", e);
        }
    }
}
