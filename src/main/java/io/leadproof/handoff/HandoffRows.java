package io.leadproof.handoff;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.leadproof.common.Money;
import io.leadproof.common.NodeId;
import io.leadproof.handoff.HandoffTypes.Evidence;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.handoff.HandoffTypes.Rejection;

/**
 * The handoffs of many leads in one statement, straight into the API's {@link HandoffView}, with whether each breached
 * its SLA computed by the same SQL rule as {@link HandoffSla} (handoff_sla_breached, R__handoff_sla.sql).
 */
final class HandoffRows {

    private static final String SELECT = "select h.id, h.lead_id, h.state, h.owner, h.version_id, h.score_total, h.score_fit,"
            + " h.score_engagement, h.contributions::text, h.lead_snapshot::text, h.created_at, h.created_by, h.due_at,"
            + " h.first_response_at, h.accepted_at, h.rejected_at, h.rejection_code, h.rejection_category, h.rejection_notes,"
            + " h.disposition, h.opportunity_at, h.opportunity_name, h.closed_at, h.won_amount, h.won_currency, h.lost_reason,"
            + " h.imported, h.external_deal_id,"
            + " coalesce(handoff_sla_breached(h.due_at, handoff_responded_at(h.first_response_at, h.accepted_at, h.rejected_at), ?), false)"
            + " from handoff h where h.workspace_id = ? and h.lead_id = any(?) order by h.created_at, h.id";

    private HandoffRows() {
    }

    /** Every handoff of the leads, oldest first per lead. */
    static Map<UUID, List<HandoffView>> byLead(Connection c, String workspace, Collection<UUID> leads, Instant now) throws SQLException {
        Map<UUID, List<HandoffView>> result = new HashMap<>();
        try (var ps = c.prepareStatement(SELECT)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setString(2, workspace);
            ps.setArray(3, c.createArrayOf("uuid", Set.copyOf(leads).toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    HandoffView view = view(rs);
                    result.computeIfAbsent(view.leadUuid(), k -> new ArrayList<>()).add(view);
                }
            }
        }
        return result;
    }

    private static HandoffView view(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        UUID lead = rs.getObject(2, UUID.class);
        String code = rs.getString(17);
        String disposition = rs.getString(20);
        Rejection rejection = code == null ? null : new Rejection(code, RejectionCategory.of(rs.getString(18)), rs.getString(19),
                disposition == null ? null : Disposition.valueOf(disposition), utc(rs, 16));
        return new HandoffView(NodeId.of("Handoff", id), NodeId.of("Lead", lead), HandoffState.valueOf(rs.getString(3)),
                rs.getString(4), Evidence.of(rs.getObject(5, UUID.class), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        rs.getString(10)),
                utc(rs, 11), rs.getString(12), utc(rs, 13), rs.getBoolean(29), utc(rs, 14), utc(rs, 15), rejection, utc(rs, 21),
                rs.getString(22), utc(rs, 23), Money.of(rs.getBigDecimal(24), rs.getString(25)), rs.getString(26), rs.getBoolean(27),
                rs.getString(28), id, lead);
    }

    private static OffsetDateTime utc(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
