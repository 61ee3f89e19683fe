package io.leadproof.lead;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Attributes;
import io.leadproof.common.Decimal;
import io.leadproof.common.Json;
import io.leadproof.common.NodeId;

/** Lead rows read with plain JDBC straight into the API's {@link LeadView}: reads that only answer need no entity. */
final class LeadRows {

    /** The columns {@link #view} reads, in its order; {@code l} is the lead table. */
    static final String COLUMNS = "l.id, l.external_id, l.email, l.first_name, l.last_name, l.phone, l.company_name,"
            + " l.company_domain, l.annual_revenue, l.employee_count, l.industry, l.job_title, l.seniority, l.country, l.source,"
            + " l.budget_status, l.budget_amount, l.authority, l.need, l.timeline, l.lifecycle_stage, l.owner_id,"
            + " l.custom_attributes::text, l.created_at, l.updated_at, l.campaign_id";

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private LeadRows() {
    }

    static LeadView view(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        String source = rs.getString(15);
        return new LeadView(NodeId.of("Lead", id), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Decimal.of(rs.getBigDecimal(9)), (Integer) rs.getObject(10),
                rs.getString(11), rs.getString(12), Seniority.valueOf(rs.getString(13)), rs.getString(14),
                source == null ? null : LeadSource.valueOf(source), BudgetStatus.valueOf(rs.getString(16)),
                Decimal.of(rs.getBigDecimal(17)), Authority.valueOf(rs.getString(18)), Need.valueOf(rs.getString(19)),
                Timeline.valueOf(rs.getString(20)), LifecycleStage.valueOf(rs.getString(21)), rs.getString(22),
                Attributes.render(attributes(rs.getString(23))), utc(rs, 24), utc(rs, 25), id, rs.getObject(26, UUID.class));
    }

    private static Map<String, String> attributes(String json) throws SQLException {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, ATTRIBUTES);
        } catch (IOException e) {
            throw new SQLException("custom_attributes of a lead unreadable", e);
        }
    }

    private static OffsetDateTime utc(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
