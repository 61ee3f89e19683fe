package io.leadproof.security;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

/**
 * Runs background work (jobs, demo seeding) for one explicitly named workspace, in a request
 * context of its own. Without it, there is no workspace and every tenant query fails closed.
 */
@ApplicationScoped
public class WorkspaceScope {

    @Inject
    CurrentWorkspace current;

    public <T> T call(String workspaceId, Supplier<T> work) {
        var context = Arc.container().requestContext();
        if (context.isActive()) {
            throw new IllegalStateException("workspace jobs must not run inside a request");
        }
        context.activate();
        try {
            current.bindForJob(workspaceId);
            return work.get();
        } finally {
            context.terminate();
        }
    }

    public void run(String workspaceId, Runnable work) {
        call(workspaceId, () -> {
            work.run();
            return null;
        });
    }
}
