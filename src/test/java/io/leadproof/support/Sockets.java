package io.leadproof.support;

import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

/** What test clients of the web socket endpoint share. */
public final class Sockets {

    private Sockets() {
    }

    /**
     * Closes {@code socket} the way a well-behaved client does: a close frame, then waits (up to a second) for the
     * server's close frame, so the server sees a normal closure rather than a connection torn down under it, which it
     * logs as an error ("Error in websocket: Connection was closed"). Aborts only if the server does not answer. Safe
     * to call on a socket the server has already closed.
     */
    public static void close(WebSocket socket) {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(1, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!socket.isInputClosed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the server is gone already: nothing to be polite to
        } finally {
            socket.abort();
        }
    }
}
