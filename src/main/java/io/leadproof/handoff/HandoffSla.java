package io.leadproof.handoff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Whether handoffs breached their SLA, by the one rule: handoff_sla_breached in R__handoff_sla.sql, which the metrics and
 * the rep's queue use too. The handoffs' own values are passed in (one statement for a list), so the answer holds for
 * changes not flushed yet.
 */
@ApplicationScoped
public class HandoffSla {

    /** The queue filter "still waiting for a first response past the due time" of an entity query, as of :now. */
    static final String WAITING_PAST_DUE = "(handoff_responded_at(firstResponseAt, acceptedAt, rejectedAt) is null"
            + " and handoff_sla_breached(dueAt, handoff_responded_at(firstResponseAt, acceptedAt, rejectedAt), :now) = true)";

    @Inject
    EntityManager em;

    boolean breached(Handoff handoff, Instant asOf) {
        return breached(List.of(handoff), asOf).getFirst();
    }

    /** In the order of the handoffs. */
    List<Boolean> breached(List<Handoff> handoffs, Instant asOf) {
        if (handoffs.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("select handoff_sla_breached(t.due, handoff_responded_at(t.touched, t.accepted, t.rejected), ?)"
                    + " from unnest(?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[]) with ordinality"
                    + " t(due, touched, accepted, rejected, n) order by t.n")) {
                ps.setTimestamp(1, Timestamp.from(asOf));
                ps.setArray(2, c.createArrayOf("timestamptz", column(handoffs, Handoff::dueAt)));
                ps.setArray(3, c.createArrayOf("timestamptz", column(handoffs, Handoff::firstResponseAt)));
                ps.setArray(4, c.createArrayOf("timestamptz", column(handoffs, Handoff::acceptedAt)));
                ps.setArray(5, c.createArrayOf("timestamptz", column(handoffs, Handoff::rejectedAt)));
                var result = new ArrayList<Boolean>(handoffs.size());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getBoolean(1));
                    }
                }
                return result;
            }
        });
    }

    private static Timestamp[] column(List<Handoff> handoffs, Function<Handoff, Instant> value) {
        return handoffs.stream().map(value).map(i -> i == null ? null : Timestamp.from(i)).toArray(Timestamp[]::new);
    }
}
