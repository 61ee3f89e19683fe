package io.leadproof.handoff;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.agroal.api.AgroalDataSource;
import io.leadproof.common.NodeId;
import io.leadproof.handoff.HandoffTypes.Assignment;
import io.leadproof.security.CurrentWorkspace;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Pushes assignments to subscribed reps across all pods: the assigning transaction sends a
 * PostgreSQL NOTIFY (delivered only if it commits); every pod LISTENs and forwards to its own
 * subscribers. Payloads carry ids and the score, never personal data.
 */
@ApplicationScoped
public class HandoffNotifier {

    private static final Logger LOG = Logger.getLogger(HandoffNotifier.class);
    static final String CHANNEL = "leadproof_handoff_assigned";

    record Notice(String workspaceId, Assignment assignment) {
    }

    private final BroadcastProcessor<Notice> notices = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    AgroalDataSource dataSource;

    void assigned(Handoff h) {
        assigned(List.of(h));
    }

    /** One NOTIFY per handoff, sent in one statement. */
    void assigned(List<Handoff> handoffs) {
        if (handoffs.isEmpty()) {
            return;
        }
        var payloads = new String[handoffs.size()];
        for (int i = 0; i < payloads.length; i++) {
            Handoff h = handoffs.get(i);
            var assignment = new Assignment(NodeId.of("Handoff", h.id()), NodeId.of("Lead", h.leadId()), h.owner(), h.scoreTotal(),
                    HandoffTypes.utc(h.dueAt()));
            try {
                payloads[i] = io.leadproof.common.Json.MAPPER.writeValueAsString(Map.of("workspaceId", workspace.id(), "assignment", assignment));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        em.createNativeQuery("select count(pg_notify(?1, p)) from unnest(cast(?2 as text[])) as p")
                .setParameter(1, CHANNEL).setParameter(2, payloads).getSingleResult();
    }

    Multi<Assignment> assignmentsFor(String workspaceId, String owner) {
        return notices.filter(n -> n.workspaceId().equals(workspaceId) && owner.equals(n.assignment().owner()))
                .map(Notice::assignment);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().daemon().name("handoff-listener").start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (var s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                var pg = c.unwrap(PGConnection.class);
                while (running) {
                    var received = pg.getNotifications(1000);
                    if (received != null) {
                        for (var n : received) {
                            notices.onNext(io.leadproof.common.Json.MAPPER.readValue(n.getParameter(), Notice.class));
                        }
                    }
                }
            } catch (SQLException | JsonProcessingException e) {
                if (running) {
                    LOG.warn("handoff listener lost its connection; reconnecting", e);
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
