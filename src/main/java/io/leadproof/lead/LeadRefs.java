package io.leadproof.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Resolves lead references given by id, external id or email to lead ids, with one query per batch. */
final class LeadRefs {

    private final Map<UUID, UUID> byId = new HashMap<>();
    private final Map<String, UUID> byExternalId = new HashMap<>();
    private final Map<String, UUID> byEmail = new HashMap<>();

    static LeadRefs resolve(List<UUID> ids, List<String> externalIds, List<String> emails) {
        var refs = new LeadRefs();
        if (ids.isEmpty() && externalIds.isEmpty() && emails.isEmpty()) {
            return refs;
        }
        Lead.<Lead>list("erasedAt is null and (id in ?1 or externalId in ?2 or emailNormalized in ?3)",
                ids.isEmpty() ? List.of(new UUID(0, 0)) : ids,
                externalIds.isEmpty() ? List.of("") : externalIds,
                emails.isEmpty() ? List.of("") : emails).forEach(l -> {
                    refs.byId.put(l.id(), l.id());
                    if (l.externalId() != null) {
                        refs.byExternalId.put(l.externalId(), l.id());
                    }
                    if (l.emailNormalized() != null) {
                        refs.byEmail.put(l.emailNormalized(), l.id());
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
