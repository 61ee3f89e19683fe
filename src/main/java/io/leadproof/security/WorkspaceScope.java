package io.leadproof.security;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

/**
 * Runs background work (jobs, demo seeding) for one explicitly named workspace, in a fresh request
 * context of its own: whatever context the caller had (a scheduler tick, start-up) is set aside and
 * restored, so no workspace binding leaks between units of work. Without it there is no workspace
 * and every tenant query fails closed.
 */
@ApplicationScoped
public class WorkspaceScope {

    @Inject
    CurrentWorkspace current;

    public <T> T call(String workspaceId, Supplier<T> work) {
        var context = Arc.container().requestContext();
        var outer = context.isActive() ? context.getState() : null;
        if (outer != null) {
            context.deactivate();
        }
        context.activate();
        try {
            current.bindForJob(workspaceId);
            return work.get();
        } finally {
            context.terminate();
            if (outer != null) {
                context.activate(outer);
            }
        }
    }

    public void run(String workspaceId, Runnable work) {
        call(workspaceId, () -> {
            work.run();
            return null;
        });
    }
}
