package io.leadproof.support;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import io.leadproof.e2e.Api;
import io.restassured.path.json.JsonPath;

/**
 * A GraphQL subscription ({@code graphql-transport-ws}) that stays open across whatever the test does meanwhile, and
 * hands out its events one by one.
 */
public final class LiveSubscription implements AutoCloseable {

    private static final Duration HANDSHAKE = Duration.ofSeconds(10);

    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private LiveSubscription(String token, String document) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws").connectTimeout(HANDSHAKE)
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + Api.port() + "/graphql"), new Collector())
                .get(HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        socket.sendText(Json.createObjectBuilder().add("type", "connection_init").add("payload", Json.createObjectBuilder())
                .build().toString(), true).join();
        String ack = inbox.poll(HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        if (ack == null || !ack.contains("connection_ack")) {
            throw new AssertionError("no connection_ack: " + ack);
        }
        socket.sendText(Json.createObjectBuilder().add("id", "1").add("type", "subscribe")
                .add("payload", Json.createObjectBuilder().add("query", document)).build().toString(), true).join();
    }

    public static LiveSubscription open(String token, String document) {
        try {
            return new LiveSubscription(token, document);
        } catch (Exception e) {
            throw new AssertionError("could not subscribe: " + e, e);
        }
    }

    /** The payload of the next {@code next} message, or null when none comes within {@code timeout}. */
    public JsonPath next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String message = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                return null;
            }
            JsonObject json = Json.createReader(new StringReader(message)).readObject();
            if ("next".equals(json.getString("type", ""))) {
                return new JsonPath(json.getJsonObject("payload").toString());
            }
            if (json.getString("type", "").equals("error") || json.getString("type", "").equals("complete")) {
                throw new AssertionError("the subscription ended: " + message);
            }
        }
    }

    @Override
    public void close() {
        Sockets.close(socket);
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

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
            inbox.add("{\"type\":\"complete\",\"closed\":" + statusCode + "}");
            return null;
        }
    }
}
