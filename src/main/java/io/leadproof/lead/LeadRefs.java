package io.leadproof.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Resolves lead references given by id, external id or email to lead ids, with one query per batch. Reads the three
 * keys only: loading a thousand lead entities per batch just to learn their ids cost more than the insert.
 */
final class LeadRefs {

    private final Map<UUID, UUID> byId = new HashMap<>();
    private final Map<String, UUID> byExternalId = new HashMap<>();
    private final Map<String, UUID> byEmail = new HashMap<>();

    static LeadRefs resolve(EntityManager em, String workspace, List<UUID> ids, List<String> externalIds, List<String> emails) {
        var refs = new LeadRefs();
        if (ids.isEmpty() && externalIds.isEmpty() && emails.isEmpty()) {
            return refs;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (var ps = c.prepareStatement("select id, external_id, email_normalized from lead where workspace_id = ?"
                    + " and erased_at is null and (id = any(?) or external_id = any(?) or email_normalized = any(?))")) {
                ps.setString(1, workspace);
                ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(3, c.createArrayOf("text", externalIds.toArray()));
                ps.setArray(4, c.createArrayOf("text", emails.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        refs.byId.put(id, id);
                        if (rs.getString(2) != null) {
                            refs.byExternalId.put(rs.getString(2), id);
                        }
                        if (rs.getString(3) != null) {
                            refs.byEmail.put(rs.getString(3), id);
                        }
                    }
                }
            }
        });
        return refs;
    }

    UUID find(UUID id, String externalId, String email) {
        if (id != null) {
            return byId.get(id);
        }
        if (externalId != null) {
            return byExternalId.get(externalId);
        }
        return email == null ? null : byEmail.get(email);
    }
}
