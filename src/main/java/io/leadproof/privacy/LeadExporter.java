package io.leadproof.privacy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.Attribute;
import io.leadproof.common.Attributes;
import io.leadproof.common.Money;
import io.leadproof.common.NodeId;
import io.leadproof.handoff.Handoff;
import io.leadproof.handoff.HandoffEvent;
import io.leadproof.handoff.HandoffTypes.EventView;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.ActivityTypes.ActivityView;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.Lead;
import io.leadproof.privacy.PrivacyTypes.AuditEntry;
import io.leadproof.privacy.PrivacyTypes.Export;
import io.leadproof.privacy.PrivacyTypes.ExportedHandoff;
import io.leadproof.scoring.ScoreCause;
import io.leadproof.scoring.ScoringTypes.ContributionView;
import io.leadproof.scoring.ScoringTypes.CrossingView;
import io.leadproof.scoring.ScoringTypes.ScoreChangeView;
import io.leadproof.scoring.ScoringTypes.ScoreView;
import io.leadproof.feedback.RejectionCategory;

/**
 * Reads everything held about one lead. The lead row is read column by column from the database ({@code to_jsonb}), so a
 * column added later is exported without a change here. Lists that can grow without bound are capped; the export says
 * how many entries exist and whether any list was cut.
 */
@ApplicationScoped
public class LeadExporter {

    static final int ACTIVITY_CAP = 10_000;
    static final int SCORE_CHANGE_CAP = 10_000;
    static final int HANDOFF_CAP = 1_000;
    static final int EVENT_CAP = 10_000;
    static final int AUDIT_CAP = 1_000;

    private static final ObjectMapper JSON = io.leadproof.common.Json.MAPPER;
    private static final TypeReference<List<ContributionView>> CONTRIBUTIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    /** Rows of the tables read with JDBC; everything before the handoffs. */
    private record Rows(List<Attribute> lead, List<Attribute> custom, List<ActivityView> activities, int activityCount,
            List<ScoreView> scores, List<ScoreChangeView> history, int historyCount, List<CrossingView> crossings) {
    }

    Export export(String ws, Lead lead, Instant now) {
        em.flush();
        Rows rows = em.unwrap(Session.class).doReturningWork(c -> read(c, ws, lead.id()));

        List<Handoff> handoffs = Handoff.<Handoff>find("leadId = ?1 order by createdAt, id", lead.id()).page(0, HANDOFF_CAP).list();
        int handoffCount = (int) Handoff.count("leadId", lead.id());
        var handoffIds = handoffs.stream().map(Handoff::id).toList();
        Map<UUID, List<EventView>> events = new HashMap<>();
        Map<UUID, Integer> eventCounts = new HashMap<>();
        int eventsRead = 0;
        if (!handoffIds.isEmpty()) {
            List<HandoffEvent> found = HandoffEvent.<HandoffEvent>find("handoffId in ?1 order by id", handoffIds).page(0, EVENT_CAP).list();
            for (HandoffEvent e : found) {
                events.computeIfAbsent(e.handoffId(), k -> new ArrayList<>()).add(new EventView(e.type(), e.actor(), utc(e.occurredAt()),
                        e.fromState(), e.toState(), Attributes.render(e.details())));
            }
            eventsRead = found.size();
            em.createQuery("select e.handoffId, count(e) from HandoffEvent e where e.handoffId in ?1 group by e.handoffId", Object[].class)
                    .setParameter(1, handoffIds).getResultList()
                    .forEach(r -> eventCounts.put((UUID) r[0], ((Number) r[1]).intValue()));
        }
        int eventTotal = eventCounts.values().stream().mapToInt(Integer::intValue).sum();
        var exportedHandoffs = handoffs.stream().map(h -> handoff(h, events.getOrDefault(h.id(), List.of()),
                eventCounts.getOrDefault(h.id(), 0))).toList();

        List<PrivacyAuditRecord> audit = PrivacyAuditRecord.<PrivacyAuditRecord>find("leadId = ?1 order by occurredAt desc, id desc", lead.id())
                .page(0, AUDIT_CAP).list();
        int auditCount = (int) PrivacyAuditRecord.count("leadId", lead.id());

        boolean complete = rows.activities().size() == rows.activityCount() && rows.history().size() == rows.historyCount()
                && handoffs.size() == handoffCount && eventsRead == eventTotal && audit.size() == auditCount;
        return new Export(NodeId.of("Lead", lead.id()), utc(now), utc(lead.erasedAt()), complete, rows.lead(), rows.custom(),
                rows.activities(), rows.activityCount(), rows.scores(), rows.history(), rows.historyCount(), rows.crossings(),
                exportedHandoffs, handoffCount, audit.stream().map(PrivacyGraphQL::entry).toList(), auditCount, List.of());
    }

    private static Rows read(Connection c, String ws, UUID lead) throws SQLException {
        var columns = new ArrayList<Attribute>();
        try (var ps = prepare(c, "select e.key, e.value from lead l cross join lateral jsonb_each_text(to_jsonb(l) - 'workspace_id'"
                + " - 'custom_attributes') e where l.workspace_id = ? and l.id = ? and e.value is not null order by e.key", ws, lead);
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new Attribute(rs.getString(1), rs.getString(2)));
            }
        }
        var custom = new ArrayList<Attribute>();
        try (var ps = prepare(c, "select e.key, e.value from lead l cross join lateral jsonb_each_text(l.custom_attributes) e"
                + " where l.workspace_id = ? and l.id = ? and e.value is not null order by e.key", ws, lead);
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                custom.add(new Attribute(rs.getString(1), rs.getString(2)));
            }
        }

        var activities = new ArrayList<ActivityView>();
        try (var ps = prepare(c, "select id, client_event_id, type, funnel_stage, content_tag, occurred_at, recorded_at, properties::text"
                + " from activity where workspace_id = ? and lead_id = ? order by occurred_at desc, id desc limit " + ACTIVITY_CAP, ws, lead);
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                activities.add(new ActivityView(NodeId.of("Activity", rs.getObject(1, UUID.class)), rs.getString(2),
                        ActivityType.valueOf(rs.getString(3)), rs.getString(4) == null ? null : FunnelStage.valueOf(rs.getString(4)),
                        rs.getString(5), utc(rs, 6), utc(rs, 7), Attributes.render(textMap(rs.getString(8)))));
            }
        }
        int activityCount = count(c, "activity", ws, lead);

        var scores = new ArrayList<ScoreView>();
        try (var ps = prepare(c, "select total, fit, engagement, qualified, knocked_out_by, contributions::text, version_id, as_of"
                + " from lead_score where workspace_id = ? and lead_id = ? order by as_of, version_id", ws, lead);
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                var knockedOut = rs.getArray(5);
                scores.add(new ScoreView(NodeId.of("LeadScore", lead, rs.getObject(7, UUID.class)), rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        knockedOut == null ? List.of() : List.of((String[]) knockedOut.getArray()), contributions(rs.getString(6)),
                        NodeId.of("CriteriaVersion", rs.getObject(7, UUID.class)), utc(rs, 8)));
            }
        }

        var history = new ArrayList<ScoreChangeView>();
        try (var ps = prepare(c, "select version_id, old_total, new_total, qualified, cause, as_of, recorded_at from score_event"
                + " where workspace_id = ? and lead_id = ? order by id desc limit " + SCORE_CHANGE_CAP, ws, lead);
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                history.add(new ScoreChangeView(NodeId.of("CriteriaVersion", rs.getObject(1, UUID.class)), (Integer) rs.getObject(2),
                        rs.getInt(3), rs.getBoolean(4), ScoreCause.valueOf(rs.getString(5)), utc(rs, 6), utc(rs, 7)));
            }
        }
        int historyCount = count(c, "score_event", ws, lead);

        var crossings = new ArrayList<CrossingView>();
        try (var ps = prepare(c, "select version_id, crossed_at, total, contributions::text from mql_crossing"
                + " where workspace_id = ? and lead_id = ? order by crossed_at, version_id", ws, lead);
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                crossings.add(new CrossingView(NodeId.of("CriteriaVersion", rs.getObject(1, UUID.class)), utc(rs, 2), rs.getInt(3),
                        contributions(rs.getString(4))));
            }
        }
        return new Rows(columns, custom, activities, activityCount, scores, history, historyCount, crossings);
    }

    private static ExportedHandoff handoff(Handoff h, List<EventView> events, int eventCount) {
        return new ExportedHandoff(NodeId.of("Handoff", h.id()), h.state(), h.owner(), NodeId.of("CriteriaVersion", h.versionId()),
                h.scoreTotal(), h.scoreFit(), h.scoreEngagement(), contributions(h.contributionsJson()),
                Attributes.render(textMap(h.leadSnapshotJson())), utc(h.createdAt()), h.createdBy(), utc(h.dueAt()),
                utc(h.firstResponseAt()), utc(h.acceptedAt()), utc(h.rejectedAt()), h.rejectionCode(), RejectionCategory.of(h.rejectionCategory()),
                h.rejectionNotes(), h.disposition(), utc(h.opportunityAt()), h.opportunityName(), utc(h.closedAt()),
                Money.of(h.wonAmount(), h.wonCurrency()), h.lostReason(), events, eventCount);
    }

    private static PreparedStatement prepare(Connection c, String sql, String ws, UUID lead) throws SQLException {
        var ps = c.prepareStatement(sql);
        ps.setString(1, ws);
        ps.setObject(2, lead);
        return ps;
    }

    private static int count(Connection c, String table, String ws, UUID lead) throws SQLException {
        try (var ps = prepare(c, "select count(*) from " + table + " where workspace_id = ? and lead_id = ?", ws, lead);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<ContributionView> contributions(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, CONTRIBUTIONS);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable contributions", e);
        }
    }

    private static Map<String, String> textMap(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, TEXT_MAP);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable attributes", e);
        }
    }

    private static OffsetDateTime utc(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant().atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
