package io.leadproof.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

/**
 * Existing leads a batch may update, loaded in one query, keyed by external id and by normalised
 * email. Rows later in the batch see leads created by earlier rows.
 */
final class LeadMatches {

    static final class IdentityConflict extends Exception {
        IdentityConflict(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Lead> byExternalId = new HashMap<>();
    private final Map<String, Lead> byEmail = new HashMap<>();
    /** Keys a merged-away lead released (leadMerge), each found as the survivor at the end of the merge chain. */
    private final Set<String> aliasExternalIds = new HashSet<>();
    private final Set<String> aliasEmails = new HashSet<>();

    /**
     * The survivors of the tombstones that held the keys asked (lead_merge_alias, V119), following later merges; a key a
     * live lead holds never gets here.
     */
    private static final String ALIASES = """
            with recursive chain (kind, key, at, next, hops) as (
                select a.kind, a.key, l.id, l.merged_into, 0 from lead_merge_alias a join lead l on l.workspace_id = a.workspace_id and l.id = a.lead_id
                 where a.workspace_id = ? and ((a.kind = 'EXTERNAL_ID' and a.key = any(?)) or (a.kind = 'EMAIL' and a.key = any(?)))
                union all
                select c.kind, c.key, l.id, l.merged_into, c.hops + 1 from chain c join lead l on l.workspace_id = ? and l.id = c.next
                 where c.hops < 32)
            select c.kind, c.key, cast(c.at as text) from chain c join lead l on l.workspace_id = ? and l.id = c.at
             where c.next is null and l.erased_at is null""";

    /**
     * The candidates are found with one array-bound statement and only those are loaded as entities: an import of new
     * leads matches none, and Hibernate's IN list of up to 1,000 bound values cost 12 % of the import's CPU
     * (docs/benchmarks.md, import-par).
     */
    static LeadMatches load(String workspace, List<LeadProfile> profiles) {
        var matches = new LeadMatches();
        var externalIds = profiles.stream().map(LeadProfile::externalId).filter(Objects::nonNull).distinct().toList();
        var emails = profiles.stream().map(LeadProfile::normalizedEmail).filter(Objects::nonNull).distinct().toList();
        if (externalIds.isEmpty() && emails.isEmpty()) {
            return matches;
        }
        List<UUID> ids = Lead.getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("select id from lead where workspace_id = ? and external_id = any(?)"
                    + " union select id from lead where workspace_id = ? and email_normalized = any(?)")) {
                ps.setString(1, workspace);
                ps.setArray(2, c.createArrayOf("text", externalIds.toArray()));
                ps.setString(3, workspace);
                ps.setArray(4, c.createArrayOf("text", emails.toArray()));
                var found = new ArrayList<UUID>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
        if (!ids.isEmpty()) {
            Lead.<Lead>list("id in ?1", ids).forEach(lead -> {
                // the batch writes its leads itself (LeadRows): Hibernate must not flush them again
                Lead.getEntityManager().detach(lead);
                matches.remember(lead);
            });
        }
        matches.aliases(workspace, externalIds, emails);
        return matches;
    }

    private void aliases(String workspace, List<String> externalIds, List<String> emails) {
        var ext = externalIds.stream().filter(k -> !byExternalId.containsKey(k)).toArray(String[]::new);
        var mail = emails.stream().filter(k -> !byEmail.containsKey(k)).toArray(String[]::new);
        if (ext.length == 0 && mail.length == 0) {
            return;
        }
        var em = Lead.getEntityManager();
        List<String[]> rows = em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement(ALIASES)) {
                ps.setString(1, workspace);
                ps.setArray(2, c.createArrayOf("text", ext));
                ps.setArray(3, c.createArrayOf("text", mail));
                ps.setString(4, workspace);
                ps.setString(5, workspace);
                var out = new ArrayList<String[]>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                    }
                }
                return out;
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        Map<UUID, Lead> known = new HashMap<>();
        byExternalId.values().forEach(l -> known.put(l.id(), l));
        byEmail.values().forEach(l -> known.put(l.id(), l));
        var missing = rows.stream().map(r -> UUID.fromString(r[2])).filter(id -> !known.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            Lead.<Lead>list("id in ?1", missing).forEach(l -> {
                em.detach(l);
                known.put(l.id(), l);
            });
        }
        for (String[] r : rows) {
            Lead survivor = known.get(UUID.fromString(r[2]));
            if ("EXTERNAL_ID".equals(r[0])) {
                byExternalId.put(r[1], survivor);
                aliasExternalIds.add(r[1]);
            } else {
                byEmail.put(r[1], survivor);
                aliasEmails.add(r[1]);
            }
        }
    }

    /**
     * The profile a row writes to the lead it found: a key it was found by through a merged-away lead's alias is left
     * out when the survivor holds another one, so the survivor keeps its identity (the merge chose it).
     */
    LeadProfile addressed(LeadProfile p, Lead lead) {
        boolean ext = p.externalId() != null && aliasExternalIds.contains(p.externalId()) && lead.externalId() != null
                && !lead.externalId().equals(p.externalId());
        String email = p.normalizedEmail();
        boolean mail = email != null && aliasEmails.contains(email) && lead.emailNormalized() != null
                && !lead.emailNormalized().equals(email);
        if (!ext && !mail) {
            return p;
        }
        return new LeadProfile(ext ? null : p.externalId(), mail ? null : p.email(), p.firstName(), p.lastName(), p.phone(),
                p.companyName(), p.companyDomain(), p.annualRevenue(), p.employeeCount(), p.industry(), p.jobTitle(), p.country(),
                p.source(), p.campaignId(), p.budgetStatus(), p.budgetAmount(), p.authority(), p.need(), p.timeline(), p.ownerId(),
                p.customAttributes());
    }

    private Lead last;

    /** The lead last remembered: the one the row just applied landed in. */
    Lead last() {
        return last;
    }

    void remember(Lead lead) {
        last = lead;
        if (lead.externalId() != null) {
            byExternalId.put(lead.externalId(), lead);
        }
        if (lead.emailNormalized() != null) {
            byEmail.put(lead.emailNormalized(), lead);
        }
    }

    /** By external id first; by email only when that lead does not carry a different external id. */
    Optional<Lead> find(LeadProfile profile) throws IdentityConflict {
        if (profile.externalId() != null && byExternalId.containsKey(profile.externalId())) {
            Lead lead = byExternalId.get(profile.externalId());
            String email = profile.normalizedEmail();
            if (email != null && byEmail.containsKey(email) && byEmail.get(email) != lead) {
                throw new IdentityConflict("email belongs to another lead than externalId '" + profile.externalId() + "'");
            }
            return Optional.of(lead);
        }
        String email = profile.normalizedEmail();
        if (email == null || !byEmail.containsKey(email)) {
            return Optional.empty();
        }
        Lead lead = byEmail.get(email);
        if (profile.externalId() != null && lead.externalId() != null) {
            throw new IdentityConflict("email belongs to a lead with another externalId ('" + lead.externalId() + "')");
        }
        return Optional.of(lead);
    }
}
