package io.leadproof.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        return matches;
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
