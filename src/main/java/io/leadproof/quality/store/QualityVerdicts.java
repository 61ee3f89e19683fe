package io.leadproof.quality.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;

import io.leadproof.common.Json;
import io.leadproof.quality.QualityIssue;
import io.leadproof.quality.QualityReport;
import io.leadproof.security.CurrentWorkspace;

/** The stored verdicts ({@link QualityRefresh}) of many leads of the current workspace, in one read. */
@ApplicationScoped
public class QualityVerdicts {

    private static final TypeReference<List<QualityIssue>> ISSUES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    /** Leads never judged (written before V80 and not changed since) are missing from the map. */
    public Map<UUID, QualityReport> of(Collection<UUID> leads) {
        var result = new HashMap<UUID, QualityReport>();
        if (leads.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select lead_id, issues::text from lead_quality where workspace_id = :ws"
                + " and lead_id in (:ids)").setParameter("ws", workspace.id()).setParameter("ids", leads).getResultList();
        for (Object[] row : rows) {
            result.put((UUID) row[0], QualityReport.of(read((String) row[1])));
        }
        return result;
    }

    private static List<QualityIssue> read(String json) {
        try {
            return Json.MAPPER.readValue(json, ISSUES);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable stored quality issues", e);
        }
    }
}
