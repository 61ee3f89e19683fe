package io.leadproof.privacy;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.Attribute;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.handoff.IdempotencyKeys;
import io.leadproof.lead.Lead;
import io.leadproof.privacy.PrivacyTypes.ErasePayload;
import io.leadproof.privacy.PrivacyTypes.Erasure;
import io.leadproof.privacy.PrivacyTypes.Export;
import io.leadproof.privacy.PrivacyTypes.ExportPayload;
import io.leadproof.security.CurrentWorkspace;

/**
 * Owns the privacy transactions: erasure (the lead row, then every copy of its personal data elsewhere, in one
 * transaction) and export, each written to the privacy audit in the same transaction as the work it records.
 */
@ApplicationScoped
public class PrivacyService {

    private static final ObjectMapper JSON = io.leadproof.common.Json.MAPPER;
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    LeadExporter exporter;

    @Transactional
    public ErasePayload erase(UUID leadId, PrivacyInputs.Erase in, String reference) {
        return idempotency.once(in.idempotencyKey(), "leadErase", in, ErasePayload.class, () -> {
            String ws = workspace.id();
            // Lock order of the handoff transactions: the lead's handoffs first, then the lead.
            em.createNativeQuery("select id from handoff where workspace_id = ?1 and lead_id = ?2 order by id for update")
                    .setParameter(1, ws).setParameter(2, leadId).getResultList();
            Lead lead = Lead.<Lead>find("id", leadId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (lead == null) {
                return new ErasePayload(null, List.of(notFound()));
            }
            Instant now = clock.instant();
            boolean first = !lead.isErased();
            var erased = eraseOne(ws, lead, now, in, reference);
            // The records merged into this person (leadMerge) hold the same person's data under their own ids.
            for (UUID merged : mergedInto(ws, leadId)) {
                Lead other = Lead.<Lead>find("id", merged).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
                eraseOne(ws, other, now, in, reference);
            }
            var entry = erased.entry();
            Map<String, Integer> scrubbed = erased.scrubbed();
            return new ErasePayload(new Erasure(NodeId.of("Lead", leadId), LeadExporter.utc(lead.erasedAt()), first, render(scrubbed),
                    NodeId.of("PrivacyAuditEntry", entry.id())), List.of());
        });
    }

    private Erased eraseOne(String ws, Lead lead, Instant now, PrivacyInputs.Erase in, String reference) {
        lead.erase(now); // no LeadsChanged event: rescoring would rewrite the scores the metrics and the audit keep
        em.flush();
        Map<String, Integer> scrubbed = em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("select privacy_scrub_erased_lead(?, ?)::text")) {
                ps.setString(1, ws);
                ps.setObject(2, lead.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return counts(rs.getString(1));
                }
            }
        });
        var entry = PrivacyAuditRecord.of(PrivacyAction.ERASE, lead.id(), workspace.actor(), now, in.reason(), reference, scrubbed);
        entry.persist();
        return new Erased(entry, scrubbed);
    }

    private record Erased(PrivacyAuditRecord entry, Map<String, Integer> scrubbed) {
    }

    /** The export and its audit entry commit together: no export leaves without a trace. */
    @Transactional
    public ExportPayload export(UUID leadId, String reference) {
        Lead lead = Lead.<Lead>find("id", leadId).firstResult();
        if (lead == null) {
            return new ExportPayload(null, List.of(notFound()));
        }
        Instant now = clock.instant();
        String ws = workspace.id();
        // The records merged into this person hold the same person's data under their own ids: exported (and audited) too.
        var merged = new java.util.ArrayList<Export>();
        for (UUID id : mergedInto(ws, leadId)) {
            Export one = exportOne(Lead.<Lead>find("id", id).firstResult(), now, reference);
            merged.add(one.withLeadAttributes(releasedKeys(ws, id)));
        }
        return new ExportPayload(exportOne(lead, now, reference).withMergedRecords(merged), List.of());
    }

    private Export exportOne(Lead lead, Instant now, String reference) {
        Export export = exporter.export(workspace.id(), lead, now);
        var details = Map.of("activities", export.activityCount(), "scores", export.scores().size(),
                "scoreChanges", export.scoreChangeCount(), "mqlCrossings", export.mqlCrossings().size(),
                "handoffs", export.handoffCount());
        var entry = PrivacyAuditRecord.of(PrivacyAction.EXPORT, lead.id(), workspace.actor(), now, null, reference, details);
        entry.persist();
        return export.withAuditEntry(PrivacyGraphQL.entry(entry));
    }

    /** The leads merged into {@code leadId} (leadMerge), directly or along a chain of merges, by id. */
    private List<UUID> mergedInto(String ws, UUID leadId) {
        return em.createNativeQuery("""
                with recursive m(id) as (
                    select id from lead where workspace_id = ?1 and merged_into = ?2
                    union select l.id from lead l join m on l.merged_into = m.id where l.workspace_id = ?1)
                select id from m order by id""", UUID.class).setParameter(1, ws).setParameter(2, leadId).getResultList();
    }

    /** The external id and email a merged-away lead released (lead_merge_alias, V119), as export attributes. */
    private List<Attribute> releasedKeys(String ws, UUID lead) {
        List<Object[]> rows = em.createNativeQuery("select kind, key from lead_merge_alias where workspace_id = ?1 and lead_id = ?2"
                + " order by kind", Object[].class).setParameter(1, ws).setParameter(2, lead).getResultList();
        return rows.stream().map(r -> new Attribute("EMAIL".equals(r[0]) ? "merge_alias.email" : "merge_alias.external_id",
                (String) r[1])).toList();
    }

    public record AuditPage(List<PrivacyAuditRecord> entries, boolean hasNext, java.util.function.IntSupplier counter) {
    }

    /** Entries about {@code leadId} (null: any lead) of one of {@code actions} (null or empty: any). */
    public AuditPage audit(UUID leadId, List<PrivacyAction> actions, int first, Cursors.Position after) {
        var where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (leadId != null) {
            where.append(" and leadId = :lead");
            params.put("lead", leadId);
        }
        if (actions != null && !actions.isEmpty()) {
            where.append(" and action in :actions");
            params.put("actions", java.util.Set.copyOf(actions));
        }
        String matching = where.toString();
        Map<String, Object> matchingParams = Map.copyOf(params);
        if (after != null) {
            where.append(" and (occurredAt < :k or (occurredAt = :k and id < :kid))");
            params.put("k", Instant.parse(after.key()));
            params.put("kid", after.id());
        }
        List<PrivacyAuditRecord> rows = PrivacyAuditRecord.<PrivacyAuditRecord>find(where + " order by occurredAt desc, id desc", params)
                .page(0, first + 1).list();
        return new AuditPage(rows.subList(0, Math.min(first, rows.size())), rows.size() > first,
                () -> Math.toIntExact(PrivacyAuditRecord.count(matching, matchingParams)));
    }

    private static UserError notFound() {
        return UserError.of(UserErrorCode.NOT_FOUND, "leadId names no lead of this workspace", "leadId");
    }

    static List<Attribute> render(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Attribute(e.getKey(), String.valueOf(e.getValue()))).toList();
    }

    private static Map<String, Integer> counts(String json) {
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scrub counts", e);
        }
    }
}
