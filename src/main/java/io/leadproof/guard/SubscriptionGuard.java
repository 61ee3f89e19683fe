package io.leadproof.guard;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * Subscriptions over web sockets ({@code graphql-transport-ws}), checked before SmallRye reads a message. SmallRye
 * takes any {@code subscribe} message and any number of them: a payload that is not an object ended in a
 * ClassCastException and no answer, and one socket held a thousand subscriptions, each pushed every event. Here each
 * socket gets a {@link SocketWatch} in its Netty pipeline, just in front of Vert.x, that sees every message in and
 * out of the socket:
 *
 * <ul>
 * <li>a {@code subscribe} without a string {@code id} closes the socket with 4400 (the protocol's answer to an invalid
 * message); one whose {@code payload} is not an object with a {@code query} string is answered with the protocol's
 * {@code error} message for its id ({@code BAD_REQUEST});</li>
 * <li>at most {@link GraphQLLimits.Subscriptions#perConnection()} operations may be active on one socket and
 * {@link GraphQLLimits.Subscriptions#perUser()} for one user over all sockets of this pod; more are answered with an
 * {@code error} message ({@code LIMIT_EXCEEDED} / {@code TOO_MANY_SUBSCRIPTIONS}). An operation stops counting when the
 * client completes it, when the server sends its {@code complete} or {@code error}, or when the socket closes.</li>
 * </ul>
 * Netty, not Vert.x: SmallRye owns the Vert.x web socket and its message handler; the pipeline is the one place in
 * front of both. Quarkus itself reaches the same channel (for closing sockets whose token expires).
 */
@ApplicationScoped
public class SubscriptionGuard {

    private static final Logger LOG = Logger.getLogger(SubscriptionGuard.class);
    static final String HANDLER = "leadproof-graphql-ws";

    @Inject
    GraphQLLimits limits;

    /** Active operations per user (bucket key) on this pod. */
    private final ConcurrentHashMap<String, Integer> perUser = new ConcurrentHashMap<>();

    /** Puts a {@link SocketWatch} on the connection of a web socket upgrade request. */
    void watch(RoutingContext upgrade) {
        if (!(upgrade.request().connection() instanceof ConnectionBase connection)) {
            return;
        }
        Channel channel = connection.channel();
        if (channel.pipeline().get(HANDLER) != null) {
            return;
        }
        String vertx = null;
        for (var entry : channel.pipeline()) {
            if (entry.getValue().getClass().getName().equals("io.vertx.core.net.impl.VertxHandler")) {
                vertx = entry.getKey();
            }
        }
        if (vertx == null) {
            LOG.warn("Web socket messages are not checked: Vert.x's handler is not in the channel pipeline");
            return;
        }
        Metered caller = Metered.of(upgrade);
        ChannelHandler watch = new SocketWatch(this, caller == null ? "/unknown" : caller.bucketKey(),
                limits.subscriptions().perConnection(), limits.subscriptions().perUser());
        channel.pipeline().addBefore(vertx, HANDLER, watch);
    }

    /** Counts one more active operation for the user unless they are at the cap; true when counted. */
    boolean enter(String user, int max) {
        boolean[] entered = { false };
        perUser.compute(user, (k, n) -> {
            int active = n == null ? 0 : n;
            if (active >= max) {
                return n;
            }
            entered[0] = true;
            return active + 1;
        });
        return entered[0];
    }

    void leave(String user, int count) {
        if (count > 0) {
            perUser.computeIfPresent(user, (k, n) -> n <= count ? null : n - count);
        }
    }

    int active(String user) {
        return perUser.getOrDefault(user, 0);
    }
}
