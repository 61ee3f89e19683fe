package io.leadproof.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.leadproof.security.CurrentWorkspace;

/**
 * Applies {@link LifecycleMove}s to batches of leads, one statement per batch: the only writer of a stored lead's stage
 * (a new lead is inserted NEW, or in {@link LifecycleMove#KNOCK_OUT}'s stage when scoring knocks it out on arrival,
 * see {@link LeadsArriving}; the
 * entity maps it read-only). Each statement locks the leads in id order, so two batches sharing leads cannot deadlock,
 * moves those whose stage allows the move, bumps their version (a concurrent entity update then fails instead of
 * writing an old stage back) and returns the ids it moved. A transaction that holds {@link Lead} entities of moved leads
 * re-reads them (see {@link LeadsChanged#moved}).
 */
@ApplicationScoped
public class LeadLifecycle {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    /** Moves the leads of the current workspace that the move allows; returns those moved. */
    public List<UUID> apply(LifecycleMove move, Collection<UUID> leads, Instant now, UUID versionId) {
        return em.unwrap(Session.class).doReturningWork(c -> apply(c, workspace.id(), move, leads, now, versionId));
    }

    /** Moves one lead, or refuses with the reason when its stage does not allow the move. */
    public void move(UUID lead, LifecycleMove move, Instant now, UUID versionId) {
        if (apply(move, List.of(lead), now, versionId).isEmpty()) {
            var stage = em.unwrap(Session.class).doReturningWork(c -> stage(c, workspace.id(), lead));
            throw new IllegalLifecycleMove(move.refusal(stage));
        }
    }

    /**
     * The batch statement. versionId is the criteria version of QUALIFY (the first MQL's version) and HAND_OFF (the
     * version the lead is handed off under); other moves ignore it.
     */
    public static List<UUID> apply(Connection c, String workspace, LifecycleMove move, Collection<UUID> leads, Instant now,
            UUID versionId) throws SQLException {
        if (leads.isEmpty()) {
            return List.of();
        }
        String sql = "with locked as (select id from lead where workspace_id = ? and id = any(?) order by id for no key update)"
                + " update lead l set lifecycle_stage = ?, updated_at = ?, version = l.version + 1" + effects(move)
                + " from locked where l.workspace_id = ? and l.id = locked.id and l.lifecycle_stage = any(?)" + guard(move)
                + " returning l.id";
        try (var ps = c.prepareStatement(sql)) {
            Timestamp at = Timestamp.from(now);
            int i = 0;
            ps.setString(++i, workspace);
            ps.setArray(++i, c.createArrayOf("uuid", leads.toArray()));
            ps.setString(++i, move.to().name());
            ps.setTimestamp(++i, at);
            switch (move) {
                case QUALIFY -> {
                    ps.setTimestamp(++i, at);
                    ps.setObject(++i, versionId);
                }
                case HAND_OFF, IMPORT_HAND_OFF -> ps.setObject(++i, versionId);
                case RECYCLE -> ps.setTimestamp(++i, at);
                default -> {
                }
            }
            ps.setString(++i, workspace);
            ps.setArray(++i, c.createArrayOf("text", move.from().stream().map(Enum::name).toArray()));
            if (move == LifecycleMove.QUALIFY) {
                ps.setObject(++i, versionId);
            }
            var moved = new ArrayList<UUID>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.add(rs.getObject(1, UUID.class));
                }
            }
            return moved;
        }
    }

    /** What a move writes besides the stage. */
    private static String effects(LifecycleMove move) {
        return switch (move) {
            case QUALIFY -> ", first_mql_at = coalesce(l.first_mql_at, ?), first_mql_version_id = coalesce(l.first_mql_version_id, ?)";
            case HAND_OFF, IMPORT_HAND_OFF -> ", last_handoff_version_id = ?";
            case RECYCLE -> ", recycled_at = ?";
            case KNOCK_OUT, ACCEPT, OPEN_OPPORTUNITY, WIN, LOSE, DISQUALIFY -> "";
        };
    }

    /** A condition beyond the stage: a recycled lead re-qualifies only on new engagement or under another version. */
    private static String guard(LifecycleMove move) {
        return move != LifecycleMove.QUALIFY ? ""
                : " and (l.lifecycle_stage <> 'RECYCLED' or l.last_handoff_version_id is distinct from ?"
                        + " or exists (select 1 from activity a where a.workspace_id = l.workspace_id and a.lead_id = l.id"
                        + " and a.occurred_at > l.recycled_at))";
    }

    private static LifecycleStage stage(Connection c, String workspace, UUID lead) throws SQLException {
        try (var ps = c.prepareStatement("select lifecycle_stage from lead where workspace_id = ? and id = ?")) {
            ps.setString(1, workspace);
            ps.setObject(2, lead);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? LifecycleStage.valueOf(rs.getString(1)) : null;
            }
        }
    }
}
