package io.leadproof.guard;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The messages of one GraphQL web socket, in and out ({@link SubscriptionGuard}). A message SmallRye would choke on (a
 * type that is not a known string, an id that is not a string, a payload of the wrong shape) never reaches it: the
 * socket is closed with 4400, as the protocol says, or the subscribe is answered with an error. Runs on the socket's event loop, so
 * its own state needs no locking. A message split into frames is put together (up to {@value #MAX_MESSAGE} bytes,
 * Vert.x's own limit) so that it is checked whole, and passed on as one frame.
 */
final class SocketWatch extends ChannelDuplexHandler {

    static final int MAX_MESSAGE = 262_144;
    static final int MAX_ID = 128;

    private final SubscriptionGuard guard;
    private final String user;
    private final int perConnection;
    private final int perUser;
    private final Set<String> active = new HashSet<>();
    private CompositeByteBuf partial;

    SocketWatch(SubscriptionGuard guard, String user, int perConnection, int perUser) {
        this.guard = guard;
        this.user = user;
        this.perConnection = perConnection;
        this.perUser = perUser;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame text && text.isFinalFragment() && partial == null) {
            inbound(ctx, text);
        } else if (msg instanceof TextWebSocketFrame || msg instanceof ContinuationWebSocketFrame && partial != null) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            if (partial == null) {
                partial = ctx.alloc().compositeBuffer();
            }
            partial.addComponent(true, frame.content().retain());
            boolean last = frame.isFinalFragment();
            frame.release();
            if (partial.readableBytes() > MAX_MESSAGE) {
                partial.release();
                partial = null;
                ctx.writeAndFlush(new CloseWebSocketFrame(1009, "Message too big")).addListener(f -> ctx.close());
            } else if (last) {
                ByteBuf whole = partial;
                partial = null;
                inbound(ctx, new TextWebSocketFrame(true, 0, whole));
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void inbound(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        JsonObject message;
        try {
            message = new JsonObject(frame.text());
        } catch (RuntimeException notJson) {
            ctx.fireChannelRead(frame); // SmallRye closes the socket with 4400
            return;
        }
        String type = message.getValue("type") instanceof String t ? t : "";
        Object id = message.getValue("id");
        String invalid = switch (type) {
            case "ping", "pong" -> null;
            case "connection_init" -> message.getValue("payload") == null || message.getValue("payload") instanceof JsonObject ? null
                    : "the payload of connection_init must be an object";
            case "complete", "subscribe" -> id instanceof String s && !s.isEmpty() && s.length() <= MAX_ID ? null
                    : "a " + type + " message needs an id of 1.." + MAX_ID + " characters";
            default -> "unknown message type";
        };
        if (invalid != null) {
            frame.release();
            ctx.writeAndFlush(new CloseWebSocketFrame(4400, "Invalid message: " + invalid)).addListener(f -> ctx.close());
            return;
        }
        if (type.equals("complete") && active.remove((String) id)) {
            guard.leave(user, 1);
        } else if (type.equals("subscribe")) {
            String refusal = refusal(message, (String) id);
            if (refusal != null) {
                frame.release();
                ctx.writeAndFlush(new TextWebSocketFrame(refusal));
                return;
            }
        }
        ctx.fireChannelRead(frame);
    }

    /** The error message that answers a subscribe instead of SmallRye, or null to let it through (and count it). */
    private String refusal(JsonObject message, String id) {
        if (!(message.getValue("payload") instanceof JsonObject payload) || !(payload.getValue("query") instanceof String)) {
            return error(id, "The payload of a subscribe message must be an object with a query string.", "BAD_REQUEST", "INVALID_MESSAGE");
        }
        if (active.contains(id)) {
            return null; // SmallRye closes the socket with 4409: the id is in use
        }
        if (active.size() >= perConnection) {
            return error(id, "This socket already has " + active.size() + " active operations; at most " + perConnection
                    + " are allowed per socket. Complete one first.", "LIMIT_EXCEEDED", "TOO_MANY_SUBSCRIPTIONS");
        }
        if (!guard.enter(user, perUser)) {
            return error(id, "You already have " + perUser + " active subscriptions; at most " + perUser
                    + " are allowed per user. Complete one first.", "LIMIT_EXCEEDED", "TOO_MANY_SUBSCRIPTIONS");
        }
        active.add(id);
        return null;
    }

    private static String error(String id, String text, String code, String reason) {
        var error = new JsonObject().put("message", text).put("extensions", new JsonObject().put("code", code).put("reason", reason));
        return new JsonObject().put("id", id).put("type", "error").put("payload", new JsonArray().add(error)).encode();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof TextWebSocketFrame frame && !active.isEmpty()) {
            ByteBuf content = frame.content();
            String head = content.toString(content.readerIndex(), Math.min(64 + MAX_ID, content.readableBytes()), StandardCharsets.UTF_8);
            if (head.contains("\"type\":\"complete\"") || head.contains("\"type\":\"error\"")) {
                finished(frame.text());
            }
        }
        ctx.write(msg, promise);
    }

    /** The server ended an operation: it stops counting. */
    private void finished(String text) {
        try {
            if (new JsonObject(text).getValue("id") instanceof String id && active.remove(id)) {
                guard.leave(user, 1);
            }
        } catch (RuntimeException notJson) {
            // not a protocol message of ours to count
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        guard.leave(user, active.size());
        active.clear();
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        guard.leave(user, active.size());
        active.clear();
        ctx.fireChannelInactive();
    }
}
