package io.leadproof.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.leadproof.support.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Subscriptions are capped per socket and per user, and a malformed subscribe message gets an answer of the protocol
 * instead of silence and a ClassCastException (issue 13, item 7). Real tokens: sam.sales subscribes to his
 * assignments over graphql-transport-ws.
 */
@QuarkusTest
class SubscriptionLimitsTest {

    static final String SUBSCRIBE = "subscription { handoffAssigned { handoffId } }";

    /** One graphql-transport-ws socket, initialised, with an inbox of what the server says. */
    static final class Socket implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Socket(String token) throws Exception {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + Api.port() + "/graphql"), this).get(10, TimeUnit.SECONDS);
            send("{\"type\":\"connection_init\",\"payload\":{}}");
            assertThat(next(Duration.ofSeconds(10))).contains("connection_ack");
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void subscribe(String id) {
            send(new JsonObject().put("id", id).put("type", "subscribe").put("payload", new JsonObject().put("query", SUBSCRIBE)).encode());
        }

        /** The next message that is not a ping, or null after {@code wait}. */
        String next(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                String message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (message == null || !message.contains("\"ping\"")) {
                    return message;
                }
            }
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
            inbox.add("CLOSED " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void close() {
            Sockets.close(socket);
        }
    }

    @Test
    void a_subscribe_whose_payload_is_not_an_object_gets_an_error_message() throws Exception {
        try (var socket = new Socket(RealTokenClient.token("sam.sales"))) {
            socket.send("{\"id\":\"x\",\"type\":\"subscribe\",\"payload\":\"not an object\"}");
            var error = new JsonObject(socket.next(Duration.ofSeconds(5)));
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("id")).isEqualTo("x");
            assertThat(error.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code")).isEqualTo("BAD_REQUEST");
            socket.subscribe("after");
            assertThat(socket.next(Duration.ofSeconds(1))).as("the socket still works: a valid subscription is quiet").isNull();
            socket.send("{\"id\":7,\"type\":\"complete\"}");
            assertThat(socket.next(Duration.ofSeconds(5))).startsWith("CLOSED 4400");
        }
    }

    @Test
    void one_socket_holds_at_most_ten_subscriptions_and_one_user_twenty_five() throws Exception {
        String token = RealTokenClient.token("sam.sales");
        var sockets = new ArrayList<Socket>();
        try {
            var first = new Socket(token);
            sockets.add(first);
            for (int i = 0; i < 10; i++) {
                first.subscribe("s" + i);
            }
            assertThat(first.next(Duration.ofSeconds(1))).as("ten are accepted").isNull();
            first.subscribe("s10");
            assertThat(refusal(first)).isEqualTo("TOO_MANY_SUBSCRIPTIONS");
            first.send("{\"id\":\"s3\",\"type\":\"complete\"}");
            first.subscribe("s11");
            assertThat(first.next(Duration.ofSeconds(1))).as("completing one makes room").isNull();

            for (int s = 0; s < 2; s++) {
                var more = new Socket(token);
                sockets.add(more);
                for (int i = 0; i < (s == 0 ? 10 : 5); i++) {
                    more.subscribe("m" + i);
                }
                assertThat(more.next(Duration.ofSeconds(1))).isNull();
            }
            var last = sockets.getLast();
            last.subscribe("one-too-many");
            assertThat(refusal(last)).as("25 for the user over all sockets").isEqualTo("TOO_MANY_SUBSCRIPTIONS");
        } finally {
            sockets.forEach(Socket::close);
        }
        Thread.sleep(500); // closing gives the user's count back
        try (var again = new Socket(token)) {
            again.subscribe("fresh");
            assertThat(again.next(Duration.ofSeconds(1))).isNull();
        }
    }

    static String refusal(Socket socket) throws InterruptedException {
        var error = new JsonObject(socket.next(Duration.ofSeconds(5)));
        assertThat(error.getString("type")).isEqualTo("error");
        List<?> payload = error.getJsonArray("payload").getList();
        assertThat(payload).hasSize(1);
        return error.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("reason");
    }
}
