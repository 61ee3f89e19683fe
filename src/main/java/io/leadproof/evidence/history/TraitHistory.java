package io.leadproof.evidence.history;

import io.leadproof.common.UserErrorCode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.leadproof.lead.Lead;

/**
 * The rules of a stated {@code observedAt} (docs/evidence.md, "Trait history"): the values of an upsert may say when
 * they became true, but not before the lead was created ({@code BEFORE_CREATION}) nor before the values the lead last
 * stated ({@code OUT_OF_ORDER}: history is appended in order, never rewritten). "In the future" is the input
 * parser's check. The revisions themselves are written by the trigger of R__evidence_history_trait_revisions.sql.
 */
@ApplicationScoped
public class TraitHistory {

    /** Why an observedAt is refused. */
    public record Problem(UserErrorCode code, String message) {
    }

    @Inject
    EntityManager em;

    /**
     * @param existing  the matched lead, null when the upsert creates one
     * @param createdAt the creation of the lead the upsert would create
     * @return null when acceptable (or not stated)
     */
    public Problem check(Instant observedAt, Lead existing, Instant createdAt) {
        if (observedAt == null) {
            return null;
        }
        Instant created = existing == null ? createdAt : existing.createdAt();
        if (observedAt.isBefore(created)) {
            return new Problem(UserErrorCode.BEFORE_CREATION, "observedAt must not lie before the lead's creation (" + created + ")");
        }
        if (existing != null) {
            Instant last = latestObservedAt(existing);
            if (last != null && observedAt.isBefore(last)) {
                return new Problem(UserErrorCode.OUT_OF_ORDER, "observedAt must not lie before the lead's latest recorded values (" + last + ")");
            }
        }
        return null;
    }

    private Instant latestObservedAt(Lead lead) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select max(observed_at) from lead_trait_revision where workspace_id = ?1"
                + " and lead_id = ?2").setParameter(1, lead.workspaceId()).setParameter(2, lead.id()).getResultList();
        Object value = rows.isEmpty() ? null : rows.getFirst();
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected " + value.getClass());
        };
    }
}
