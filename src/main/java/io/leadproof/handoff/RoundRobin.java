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
        @SuppressWarnings("unchecked")
        List<SalesRep> reps = em.createNativeQuery("select * from sales_rep where workspace_id = ?1 and available"
                + " order by last_assigned_at nulls first, user_name limit 1 for update skip locked", SalesRep.class)
                .setParameter(1, workspace.id()).getResultList();
        reps.forEach(rep -> rep.assigned(now));
        return reps.stream().findFirst();
    }

    /**
     * Reps for {@code count} new handoffs, in turn: the {@code count} available reps assigned longest ago (fewer when
     * fewer are available), repeated in that order. Reps a concurrent assignment holds are skipped; when it holds all
     * of them, the handoffs still get owners in the same order, without waiting for it and without recording the turn.
     */
    List<SalesRep> assignees(int count, Instant now) {
        String order = " from sales_rep where workspace_id = ?1 and available order by last_assigned_at nulls first, user_name limit ?2";
        @SuppressWarnings("unchecked")
        List<SalesRep> free = em.createNativeQuery("select *" + order + " for update skip locked", SalesRep.class)
                .setParameter(1, workspace.id()).setParameter(2, count).getResultList();
        if (!free.isEmpty()) {
            free.forEach(rep -> rep.assigned(now));
            return free;
        }
        @SuppressWarnings("unchecked")
        List<SalesRep> busy = em.createNativeQuery("select *" + order, SalesRep.class)
                .setParameter(1, workspace.id()).setParameter(2, count).getResultList();
        return busy;
    }

    Optional<SalesRep> named(String userName, Instant now) {
        Optional<SalesRep> rep = SalesRep.find("userName", userName).firstResultOptional();
        rep.ifPresent(r -> r.assigned(now));
        return rep;
    }
}
