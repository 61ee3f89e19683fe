package io.leadproof.handoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.lead.Lead;
import io.leadproof.security.CurrentWorkspace;

/** Reads the lead's current score under a version and its attributes, to freeze them into a handoff. */
@ApplicationScoped
public class EvidenceReader {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    Optional<FrozenEvidence> read(Lead lead, UUID versionId) {
        return Optional.ofNullable(readAll(List.of(lead), versionId).get(lead.id()));
    }

    /** The evidence of many leads at once; leads without a score under the version are absent. */
    Map<UUID, FrozenEvidence> readAll(List<Lead> leads, UUID versionId) {
        Map<UUID, FrozenEvidence> result = new java.util.HashMap<>();
        if (leads.isEmpty()) {
            return result;
        }
        Map<UUID, Lead> byId = new java.util.HashMap<>();
        leads.forEach(l -> byId.put(l.id(), l));
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var ps = c.prepareStatement("select lead_id, total, fit, engagement, contributions::text from lead_score"
                    + " where workspace_id = ? and version_id = ? and lead_id = any(?)")) {
                ps.setString(1, workspace.id());
                ps.setObject(2, versionId);
                ps.setArray(3, c.createArrayOf("uuid", byId.keySet().toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        result.put(id, new FrozenEvidence(versionId, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                                snapshot(byId.get(id))));
                    }
                }
            }
        });
        return result;
    }

    /** The handoff model's active version: the one whose scores qualify leads. */
    Optional<UUID> handoffVersion() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select v.id from criteria_version v join criteria_model m on m.workspace_id = v.workspace_id"
                + " and m.id = v.model_id where v.workspace_id = ?1 and m.drives_handoffs and v.status = 'ACTIVE'", UUID.class)
                .setParameter(1, workspace.id()).getResultList();
        return ids.stream().findFirst();
    }

    static String snapshot(Lead l) {
        Map<String, String> a = new LinkedHashMap<>();
        put(a, "email", l.email());
        put(a, "name", ((l.firstName() == null ? "" : l.firstName()) + " " + (l.lastName() == null ? "" : l.lastName())).strip());
        put(a, "companyName", l.companyName());
        put(a, "companyDomain", l.companyDomain());
        put(a, "jobTitle", l.jobTitle());
        put(a, "seniority", l.seniority());
        put(a, "industry", l.industry());
        put(a, "country", l.country());
        put(a, "source", l.source());
        put(a, "employeeCount", l.employeeCount());
        put(a, "annualRevenue", l.annualRevenue() == null ? null : l.annualRevenue().toPlainString());
        put(a, "budgetStatus", l.budgetStatus());
        put(a, "authority", l.authority());
        put(a, "need", l.need());
        put(a, "timeline", l.timeline());
        l.customAttributes().forEach((k, v) -> put(a, "custom." + k, v));
        try {
            return io.leadproof.common.Json.MAPPER.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            map.put(key, value.toString());
        }
    }
}
