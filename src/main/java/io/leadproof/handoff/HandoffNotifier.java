package io.leadproof.handoff;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.NodeId;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.ops.BackgroundLoops;
import io.leadproof.ops.SupervisedLoop;
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

    /** What a NOTIFY carries (ids and the score, never personal data); the subscriber's pod reads the Handoff itself. */
    record Pushed(String handoffId, String leadId, String owner, int scoreTotal, java.time.OffsetDateTime dueAt) {
    }

    record Notice(String workspaceId, Pushed assignment) {
    }

    private static final Duration PING_EVERY = Duration.ofSeconds(10);

    private final BroadcastProcessor<Notice> notices = BroadcastProcessor.create();

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    BackgroundLoops loops;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

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
            var assignment = new Pushed(NodeId.of("Handoff", h.id()), NodeId.of("Lead", h.leadId()), h.owner(), h.scoreTotal(),
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

    Multi<Pushed> assignmentsFor(String workspaceId, String owner) {
        return notices.filter(n -> n.workspaceId().equals(workspaceId) && owner.equals(n.assignment().owner()))
                .map(Notice::assignment);
    }

    void start(@Observes StartupEvent event) {
        loops.continuous("handoff-listener", this::listen);
    }

    /**
     * One LISTEN session on a connection of its own, outside the pool: a pooled connection would go back to the pool
     * still listening when the session fails, and the driver would pile up notifications nobody reads. The socket
     * timeout and the periodic ping notice a connection that died without a word (a half-open TCP connection); any
     * failure ends the session and the supervised loop opens a new one after its backoff. Assignments committed
     * while no session listens are not pushed (reps still see them in {@code myHandoffs}).
     */
    private void listen(SupervisedLoop loop) throws SQLException {
        try (Connection c = listenConnection()) {
            try (var s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
            }
            loop.up();
            var pg = c.unwrap(PGConnection.class);
            long nextPing = System.nanoTime() + PING_EVERY.toNanos();
            while (loop.running()) {
                var received = pg.getNotifications(1000);
                loop.beat();
                if (received != null) {
                    for (var n : received) {
                        deliver(n.getParameter());
                    }
                }
                if (System.nanoTime() > nextPing) {
                    try (var s = c.createStatement()) {
                        s.execute("select 1");
                    }
                    nextPing = System.nanoTime() + PING_EVERY.toNanos();
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            notices.onNext(io.leadproof.common.Json.MAPPER.readValue(payload, Notice.class));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("dropped a malformed handoff notice: %s", e.getMessage());
        }
    }

    private Connection listenConnection() throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "leadproof-handoff-listener");
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", Long.toString(PING_EVERY.multipliedBy(3).toSeconds()));
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC url: " + url, "08001");
        }
        return c;
    }
}
