package io.leadproof.imports.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Orders parallel writers on shared keys: parts are registered in file order (by one thread), and a part may start
 * only once every earlier part sharing one of its keys has ended (committed, or given up). Waits point only to earlier
 * parts, so they cannot form a cycle, and a waiting part holds no database locks (it has not begun its transaction):
 * the same lead is written in file order, and a row's duplicates in earlier parts are committed when it is judged.
 */
final class KeyGate {

    /** A registered part: ends once its transaction committed or failed for good. */
    static final class Ticket {
        private final List<CompletableFuture<Void>> before;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final Collection<String> keys;

        private Ticket(List<CompletableFuture<Void>> before, Collection<String> keys) {
            this.before = before;
            this.keys = keys;
        }

        /** Waits for the earlier parts sharing a key; false when {@code stopped} turned true meanwhile. */
        boolean awaitTurn(BooleanSupplier stopped) throws InterruptedException {
            for (var f : before) {
                while (!f.isDone()) {
                    if (stopped.getAsBoolean()) {
                        return false;
                    }
                    try {
                        f.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException e) {
                        // not yet, or it ended (a failed part ends the job: stopped says so)
                    }
                }
            }
            return true;
        }

        /**
         * Whether its turn has come once {@code taken} (earlier parts written in the same transaction, in order) are
         * written: every other earlier part sharing a key has ended. Does not wait.
         */
        boolean readyAfter(Collection<Ticket> taken) {
            return before.stream().allMatch(f -> f.isDone() || taken.stream().anyMatch(t -> t.done == f));
        }

        int waitsFor() {
            return before.size();
        }
    }

    private final Map<String, Ticket> lastHolder = new HashMap<>();

    /** Registers the next part in file order. Only one thread registers. */
    synchronized Ticket register(Collection<String> keys) {
        var before = new ArrayList<CompletableFuture<Void>>();
        var seen = new java.util.HashSet<Ticket>();
        for (String key : keys) {
            Ticket holder = lastHolder.get(key);
            if (holder != null && !holder.done.isDone() && seen.add(holder)) {
                before.add(holder.done);
            }
        }
        var ticket = new Ticket(before, keys);
        keys.forEach(k -> lastHolder.put(k, ticket));
        return ticket;
    }

    /** The part ended: later parts sharing its keys may start; its keys are forgotten unless a later part holds them. */
    synchronized void end(Ticket ticket) {
        ticket.done.complete(null);
        ticket.keys.forEach(k -> lastHolder.remove(k, ticket));
    }
}
