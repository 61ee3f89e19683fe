package io.leadproof.lead.merge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Attribute;
import io.leadproof.common.Json;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.common.UserErrorCode;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadProfile;
import io.leadproof.lead.LeadView;
import io.leadproof.lead.LeadsChanged;
import io.leadproof.lead.merge.LeadMergeTypes.LeadMergePayload;
import io.leadproof.lead.merge.LeadMergeTypes.Merge;
import io.leadproof.security.CurrentWorkspace;

/**
 * Owns the leadMerge transaction: both leads and their handoffs locked, the domain verbs (the merged lead becomes a
 * tombstone, the survivor takes the values it lacked, {@link MergeFill}), the moves of R__lead_merge.sql, the audit
 * record, and the {@link LeadsChanged} event that rescores and re-judges the survivor, all in one transaction.
 */
@ApplicationScoped
public class LeadMergeService {

    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Event<LeadsChanged> changed;

    @Transactional
    public LeadMergePayload merge(UUID survivorId, UUID mergedId) {
        if (survivorId.equals(mergedId)) {
            return LeadMergePayload.refused(UserError.of(UserErrorCode.SAME_OBJECT,
                    "survivorId and mergedId name the same lead; a merge needs two leads", "mergedId"));
        }
        String ws = workspace.id();
        // Lock order of the handoff transactions: the leads' handoffs first, then the leads, each in id order.
        em.createNativeQuery("select id from handoff where workspace_id = ?1 and lead_id in (?2, ?3) order by id for update")
                .setParameter(1, ws).setParameter(2, survivorId).setParameter(3, mergedId).getResultList();
        Map<UUID, Lead> leads = new TreeMap<>();
        Lead.<Lead>find("id in ?1 order by id", List.of(survivorId, mergedId)).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(l -> leads.put(l.id(), l));
        Lead survivor = leads.get(survivorId), merged = leads.get(mergedId);
        var refusal = refusal(survivor, merged, ws);
        if (refusal != null) {
            return LeadMergePayload.refused(refusal);
        }
        Instant now = clock.instant();
        var fill = MergeFill.of(profileOf(survivor), profileOf(merged));
        em.createNativeQuery("insert into lead_merge_alias (workspace_id, kind, key, lead_id)"
                + " select ?1, k.kind, k.key, ?2 from (values ('EXTERNAL_ID', cast(?3 as text)), ('EMAIL', cast(?4 as text))) k(kind, key)"
                + " where k.key is not null on conflict (workspace_id, kind, key) do update set lead_id = excluded.lead_id")
                .setParameter(1, ws).setParameter(2, mergedId).setParameter(3, merged.externalId())
                .setParameter(4, merged.emailNormalized()).executeUpdate();  // later upserts under them find the survivor
        merged.mergeInto(survivorId, now);
        em.flush(); // releases the merged lead's external id and email before the survivor may take them
        survivor.revise(fill.profile(), now);
        em.flush();
        Map<String, Integer> moved = em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("select lead_merge_move(?, ?, ?)::text")) {
                ps.setString(1, ws);
                ps.setObject(2, survivorId);
                ps.setObject(3, mergedId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return counts(rs.getString(1));
                }
            }
        });
        String actor = workspace.actor();
        em.createNativeQuery("insert into lead_merge (workspace_id, id, survivor_id, merged_id, actor, occurred_at, moved, filled)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), array(select jsonb_array_elements_text(cast(?8 as jsonb))))")
                .setParameter(1, ws).setParameter(2, UUID.randomUUID()).setParameter(3, survivorId).setParameter(4, mergedId)
                .setParameter(5, actor).setParameter(6, now.atOffset(ZoneOffset.UTC)).setParameter(7, json(moved))
                .setParameter(8, json(fill.filled())).executeUpdate();
        var event = new LeadsChanged(ws, Set.of(survivorId), LeadsChanged.What.ATTRIBUTES);
        changed.fire(event); // rescoring with the moved activities, duplicate keys and verdict of the survivor
        if (event.stageMoved().contains(survivorId)) {
            em.refresh(survivor);
        }
        var movedList = moved.entrySet().stream().map(e -> new Attribute(e.getKey(), String.valueOf(e.getValue()))).toList();
        return new LeadMergePayload(new Merge(LeadView.of(survivor), LeadView.of(merged), movedList, fill.filled(),
                now.atOffset(ZoneOffset.UTC), actor), List.of());
    }

    private static UserError refusal(Lead survivor, Lead merged, String ws) {
        if (survivor == null) {
            return UserError.of(UserErrorCode.NOT_FOUND, "survivorId names no lead of this workspace", "survivorId");
        }
        if (merged == null) {
            return UserError.of(UserErrorCode.NOT_FOUND, "mergedId names no lead of this workspace", "mergedId");
        }
        if (merged.mergedInto() != null) {
            return UserError.of(UserErrorCode.ALREADY_MERGED, "mergedId was merged into " + NodeId.of("Lead", merged.mergedInto())
                    + " already", "mergedId");
        }
        if (survivor.mergedInto() != null) {
            return UserError.of(UserErrorCode.ALREADY_MERGED, "survivorId was merged into " + NodeId.of("Lead", survivor.mergedInto())
                    + " already; merge into that lead", "survivorId");
        }
        if (survivor.isErased() || merged.isErased()) {
            return UserError.of(UserErrorCode.LEAD_REFERENCE, "an erased lead cannot be merged: it no longer says who the person is",
                    survivor.isErased() ? "survivorId" : "mergedId");
        }
        long open = ((Number) Lead.getEntityManager().createNativeQuery("select count(*) from handoff where workspace_id = ?1"
                + " and lead_id in (?2, ?3) and state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY')")
                .setParameter(1, ws).setParameter(2, survivor.id()).setParameter(3, merged.id()).getSingleResult()).longValue();
        if (open > 1) {
            return UserError.of(UserErrorCode.CONFLICT, "both leads have an open handoff and a lead holds at most one:"
                    + " let sales answer (accept, reject or close) one of them first", "mergedId");
        }
        return null;
    }

    static LeadProfile profileOf(Lead l) {
        return new LeadProfile(l.externalId(), l.email(), l.firstName(), l.lastName(), l.phone(), l.companyName(), l.companyDomain(),
                l.annualRevenue(), l.employeeCount(), l.industry(), l.jobTitle(), l.country(), l.source(), l.campaignId(),
                l.budgetStatus(), l.budgetAmount(), l.authority(), l.need(), l.timeline(), l.ownerId(), l.customAttributes());
    }

    private static Map<String, Integer> counts(String json) {
        try {
            return Json.MAPPER.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable merge counts", e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
