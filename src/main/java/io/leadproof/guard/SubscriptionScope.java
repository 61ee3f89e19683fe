package io.leadproof.guard;

import graphql.schema.DataFetchingEnvironment;
import io.leadproof.security.CurrentWorkspace;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import mutiny.zero.flow.adapters.AdaptersToReactiveStreams;

/**
 * Lets the linked fields of a subscription message (a handoff's lead, assignee, events...) resolve as they do in a
 * query. Quarkus resolves such fields by reactivating the request context SmallRye keeps for the operation
 * ({@code state}) and running the read blocking on the current Vert.x context; a message is emitted from wherever its
 * stream produced it (a worker thread: no Vert.x context, so the reads could not start), and the socket's request
 * context is shared by everything on that socket. So each allowed subscription gets:
 * <ul>
 * <li>a request context of its own, holding the subscriber's identity, upgrade request and the workspace the socket
 * established for them (a caller without one is refused here, before the stream), so Hibernate's tenant and row-level
 * security are the subscriber's as in their queries; ended with the stream (completed, failed or cancelled when the
 * socket closes);</li>
 * <li>a Vert.x context of its own on which its messages are emitted: the reads of one subscription run one after
 * the other (Vert.x runs ordered blocking work of one context in turn), never two at once on its request context.</li>
 * </ul>
 */
final class SubscriptionScope {

    static final String STATE = "state";

    private SubscriptionScope() {
    }

    /** The stream of a subscription root field, its messages emitted in a scope of their own; anything else unchanged. */
    static Object around(Object fetched, DataFetchingEnvironment env) {
        Context vertx = Vertx.currentContext();
        var requests = Arc.container().requestContext();
        if (!(fetched instanceof org.reactivestreams.Publisher<?> stream) || vertx == null || !requests.isActive()) {
            return fetched;
        }
        var identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        var upgrade = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        String workspace = Arc.container().instance(CurrentWorkspace.class).get().id(); // refuses a caller without one
        InjectableContext.ContextState socket = requests.getState();
        requests.deactivate();
        InjectableContext.ContextState own = null;
        try {
            requests.activate();
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(upgrade);
            Arc.container().instance(CurrentWorkspace.class).get().continueIn(workspace);
            own = requests.getState();
        } finally {
            if (own != null) {
                requests.deactivate();
            } else {
                requests.terminate(); // set up half: nothing may keep it
            }
            requests.activate(socket);
        }
        InjectableContext.ContextState scope = own;
        env.getGraphQlContext().put(STATE, scope);
        Context messages = VertxContext.createNewDuplicatedContext(vertx);
        Multi<?> scoped = Multi.createFrom().publisher(AdaptersToFlow.publisher(stream))
                .emitOn(command -> messages.runOnContext(v -> command.run()))
                .onTermination().invoke(() -> Arc.container().requestContext().destroy(scope));
        return AdaptersToReactiveStreams.publisher(scoped);
    }
}
