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

    /**
     * The referenced leads, each with the lead that holds it now: itself, or for a record merged away (leadMerge) the
     * survivor at the end of its merge chain, so a client still sending the old id (or the external id or email the
     * merged record released) lands its facts where they count.
     */
    private static final String FOLLOWING_MERGES = """
            with recursive asked as (
                select id, external_id, email_normalized, merged_into from lead
                 where workspace_id = ? and erased_at is null and (id = any(?) or external_id = any(?) or email_normalized = any(?))
                union all  -- keys a merged-away lead released (lead_merge_alias, V119) and no live lead holds
                select l.id, case when a.kind = 'EXTERNAL_ID' then a.key end, case when a.kind = 'EMAIL' then a.key end, l.merged_into
                  from lead_merge_alias a join lead l on l.workspace_id = a.workspace_id and l.id = a.lead_id
                 where a.workspace_id = ? and ((a.kind = 'EXTERNAL_ID' and a.key = any(?)) or (a.kind = 'EMAIL' and a.key = any(?)))
                   and not exists (select from lead x where x.workspace_id = a.workspace_id
                                    and (x.external_id = a.key and a.kind = 'EXTERNAL_ID' or x.email_normalized = a.key and a.kind = 'EMAIL'))),
            chain (asked, at, next, hops) as (
                select id, id, merged_into, 0 from asked
                union all
                select c.asked, l.id, l.merged_into, c.hops + 1 from chain c join lead l on l.workspace_id = ? and l.id = c.next
                 where c.hops < 32)
            select a.id, a.external_id, a.email_normalized, c.at from asked a join chain c on c.asked = a.id and c.next is null""";

    static LeadRefs resolve(EntityManager em, String workspace, List<UUID> ids, List<String> externalIds, List<String> emails) {
        var refs = new LeadRefs();
        if (ids.isEmpty() && externalIds.isEmpty() && emails.isEmpty()) {
            return refs;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (var ps = c.prepareStatement(FOLLOWING_MERGES)) {
                ps.setString(1, workspace);
                ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(3, c.createArrayOf("text", externalIds.toArray()));
                ps.setArray(4, c.createArrayOf("text", emails.toArray()));
                ps.setString(5, workspace);
                ps.setArray(6, c.createArrayOf("text", externalIds.toArray()));
                ps.setArray(7, c.createArrayOf("text", emails.toArray()));
                ps.setString(8, workspace);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID asked = rs.getObject(1, UUID.class);
                        UUID lead = rs.getObject(4, UUID.class);
                        refs.byId.put(asked, lead);
                        if (rs.getString(2) != null) {
                            refs.byExternalId.put(rs.getString(2), lead);
                        }
                        if (rs.getString(3) != null) {
                            refs.byEmail.put(rs.getString(3), lead);
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
