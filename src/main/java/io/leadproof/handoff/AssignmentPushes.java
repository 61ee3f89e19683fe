package io.leadproof.handoff;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.common.NodeId;
import io.leadproof.handoff.HandoffNotifier.Pushed;
import io.leadproof.handoff.HandoffTypes.Assignment;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The assignments pushed to one subscribed rep, each with its Handoff. A NOTIFY carries only ids (8 kB cap, no personal
 * data), so the Handoff is read per message on a worker thread, under the subscriber's workspace (row-level security: the
 * workspace captured when the rep subscribed), and emitted as a finished record; linked fields the rep selects under it
 * resolve in the subscription's own request context (io.leadproof.guard.SubscriptionScope). A handoff gone before the
 * read (erased) is skipped, never pushed half empty. Reads run one after the other per subscriber, in the order of the
 * notices.
 */
@ApplicationScoped
public class AssignmentPushes {

    @Inject
    HandoffNotifier notifier;
    @Inject
    HandoffService handoffs;
    @Inject
    WorkspaceScope scope;

    Multi<Assignment> of(String workspaceId, String owner) {
        return notifier.assignmentsFor(workspaceId, owner).onItem().transformToUniAndConcatenate(p -> Uni.createFrom()
                .item(() -> resolve(workspaceId, p)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** The assignment with its Handoff as it is now, or null (skipped) when the workspace has no such handoff any more. */
    Assignment resolve(String workspaceId, Pushed p) {
        UUID id = NodeId.parse("Handoff", p.handoffId());
        if (id == null) {
            return null;
        }
        return scope.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(() -> handoffs.view(id)
                .map(h -> new Assignment(h, p.handoffId(), p.leadId(), p.owner(), p.scoreTotal(), p.dueAt())).orElse(null)));
    }
}
