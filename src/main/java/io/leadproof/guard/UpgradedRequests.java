package io.leadproof.guard;

import java.lang.reflect.Method;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpServerRequest;

/**
 * Tells Quarkus's graceful shutdown that a web socket upgrade request is finished once it is handed over. Quarkus counts
 * a request as in flight until its response ends or its connection closes; for an upgrade that is when the socket
 * closes, which for a subscription is never. So a pod with one open subscription waited the whole shutdown timeout
 * (20 s, {@code quarkus.shutdown.timeout}) at every stop, and a rolling restart took 20 s per pod longer than needed.
 * A subscription is not an in-flight request: at shutdown the server closes the socket and the client reconnects to
 * another pod (graphql-transport-ws clients do), so the upgrade request counts as done as soon as it is upgraded.
 *
 * <p>Quarkus offers no public way to say so; its request wrapper's {@code done()} is package-private and idempotent
 * (a later close of the connection does not count twice). If a Quarkus upgrade renames it, this logs one warning and
 * shutdown simply waits as before.
 */
final class UpgradedRequests {

    private static final Logger LOG = Logger.getLogger(UpgradedRequests.class);
    private static final Method DONE = done();

    private UpgradedRequests() {
    }

    static void finished(HttpServerRequest upgrade) {
        if (DONE == null) {
            return;
        }
        try {
            QuarkusRequestWrapper wrapper = QuarkusRequestWrapper.get(upgrade);
            if (wrapper != null) {
                DONE.invoke(wrapper);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Could not mark a web socket upgrade as finished: %s", e);
        }
    }

    private static Method done() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Graceful shutdown will wait for open subscriptions (Quarkus's request wrapper changed: %s)", e);
            return null;
        }
    }
}
