package io.leadproof.e2e;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.leadproof.support.Sockets;
import io.restassured.path.json.JsonPath;

/**
 * Starts a GraphQL subscription over WebSocket ({@code graphql-transport-ws}) on the running test instance as a
 * caller with a bearer token, and reports the first thing the server says about it, shaped like an HTTP GraphQL
 * answer ({@code {"data": ..., "errors": [...]}}) so the same assertions work for subscriptions and operations.
 *
 * <p>If the server says nothing within {@link #QUIET} (a valid subscription with no events yet), the answer is
 * {@code {"data": null}} without errors. A connection closed with 4401 / 4403 becomes an
 * {@code unauthorized} / {@code forbidden} error.
 */
public final class Subscriptions {

    public static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration HANDSHAKE = Duration.ofSeconds(10);
    private static final String CLOSED = "__closed__:";

    private Subscriptions() {
    }

    public static Api.Result first(String token, String workspaceHeader, String document, Map<String, Object> variables) {
        return first(token, false, workspaceHeader, document, variables);
    }

    /** Like {@link #first}, the bearer token sent in the connection_init payload (as browsers must) instead of a header. */
    public static Api.Result firstWithTokenInInit(String token, String document, Map<String, Object> variables) {
        return first(token, true, null, document, variables);
    }

    private static Api.Result first(String token, boolean tokenInInit, String workspaceHeader, String document,
            Map<String, Object> variables) {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(HANDSHAKE);
        if (token != null && !tokenInInit) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (workspaceHeader != null) {
            builder.header(io.leadproof.security.CurrentWorkspace.HEADER, workspaceHeader);
        }
        URI uri = URI.create("ws://127.0.0.1:" + Api.port() + "/graphql");
        WebSocket socket;
        try {
            socket = builder.buildAsync(uri, new Collector(inbox)).get(HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not open a GraphQL WebSocket to " + uri + ": " + e, e);
        }
        try {
            var init = Json.createObjectBuilder();
            if (token != null && tokenInInit) {
                init.add("Authorization", "Bearer " + token);
            }
            socket.sendText(Json.createObjectBuilder().add("type", "connection_init")
                    .add("payload", init).build().toString(), true).join();
            String ack = inbox.poll(HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
            if (ack == null) {
                throw new AssertionError("no connection_ack within " + HANDSHAKE.toSeconds() + " s");
            }
            if (ack.startsWith(CLOSED)) {
                return closed(ack);
            }
            socket.sendText(Json.createObjectBuilder().add("id", "1").add("type", "subscribe")
                    .add("payload", Json.createObjectBuilder().add("query", document)
                            .add("variables", Json.createObjectBuilder(variables == null ? Map.of() : variables)))
                    .build().toString(), true).join();
            long deadline = System.nanoTime() + QUIET.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String message = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    return result(Json.createObjectBuilder().add("data", JsonValue.NULL).build());
                }
                if (message.startsWith(CLOSED)) {
                    return closed(message);
                }
                JsonObject json = Json.createReader(new StringReader(message)).readObject();
                String type = json.getString("type", "");
                switch (type) {
                    case "next":
                        return result(json.getJsonObject("payload"));
                    case "error": {
                        JsonValue payload = json.get("payload");
                        JsonArray errors = payload instanceof JsonArray a ? a
                                : Json.createArrayBuilder().add(payload).build();
                        return result(Json.createObjectBuilder().add("errors", errors).add("data", JsonValue.NULL).build());
                    }
                    case "complete":
                        return result(Json.createObjectBuilder().add("data", JsonValue.NULL).build());
                    default:
                        // ping / pong / ka: keep waiting
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            Sockets.close(socket);
        }
    }

    private static Api.Result closed(String message) {
        String[] parts = message.substring(CLOSED.length()).split(":", 2);
        int status = Integer.parseInt(parts[0]);
        String code = status == 4401 ? Api.UNAUTHORIZED : status == 4403 ? Api.FORBIDDEN : "CLOSED_" + status;
        JsonObject error = Json.createObjectBuilder().add("message", parts.length > 1 ? parts[1] : "")
                .add("extensions", Json.createObjectBuilder().add("code", code)).build();
        return result(Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(error))
                .add("data", JsonValue.NULL).build());
    }

    private static Api.Result result(JsonObject body) {
        String text = body.toString();
        return new Api.Result(text, new JsonPath(text));
    }

    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<String> inbox;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<String> inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(CLOSED + statusCode + ":" + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(CLOSED + "1011:" + error);
        }
    }
}
