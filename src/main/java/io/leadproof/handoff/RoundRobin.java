package io.leadproof.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.leadproof.security.CurrentWorkspace;

/**
 * Picks the available rep who was assigned longest ago. Rows locked by a concurrent assignment are
 * skipped, so simultaneous handoffs go to different reps instead of queueing on one.
 */
@ApplicationScoped
public class RoundRobin {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    Optional<SalesRep> next(Instant now) {
        return claim(1, now).stream().findFirst();
    }

    /**
     * Reps for {@code count} new handoffs, in turn: the {@code count} available reps assigned longest ago (fewer when
     * fewer are available), repeated in that order. Reps a concurrent assignment holds are skipped; when it holds all
     * of them, the handoffs still get owners in the same order, without waiting for it and without recording the turn.
     */
    List<SalesRep> assignees(int count, Instant now) {
        var free = claim(count, now);
        return free.isEmpty() ? longestWaiting(count, "") : free;
    }

    /** Up to count free reps, longest waiting first, locked and marked as assigned now. */
    private List<SalesRep> claim(int count, Instant now) {
        var reps = longestWaiting(count, " for update skip locked");
        reps.forEach(rep -> rep.assigned(now));
        return reps;
    }

    @SuppressWarnings("unchecked")
    private List<SalesRep> longestWaiting(int count, String locking) {
        return em.createNativeQuery("select * from sales_rep where workspace_id = ?1 and available"
                + " order by last_assigned_at nulls first, user_name limit ?2" + locking, SalesRep.class)
                .setParameter(1, workspace.id()).setParameter(2, count).getResultList();
    }

    Optional<SalesRep> named(String userName, Instant now) {
        Optional<SalesRep> rep = SalesRep.find("userName", userName).firstResultOptional();
        rep.ifPresent(r -> r.assigned(now));
        return rep;
    }
}
