package io.leadproof.guard;

import io.leadproof.security.Caller;
import io.leadproof.security.CurrentWorkspace;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Whose bucket a request draws on: the workspace user as {@link Caller} reads them (the API's own reading, without
 * its side effect of provisioning the workspace row, so nothing here touches the database on the event loop), or the
 * client address for anonymous callers. When the token names no usable workspace the request is metered under the
 * empty workspace; every resolver refuses it.
 */
record Metered(String workspace, String bucketKey) {

    /** The caller of an HTTP request; null without one (a subscription event on a web socket is not metered). */
    static Metered of(RoutingContext request) {
        if (request == null) {
            return null;
        }
        var caller = Caller.of(identity(request), request.request().getHeader(CurrentWorkspace.HEADER));
        if (caller.anonymous()) {
            var address = request.request().remoteAddress();
            return new Metered("", "/anonymous@" + (address == null ? "unknown" : address.hostAddress()));
        }
        String workspace = caller.workspace() == null ? "" : caller.workspace();
        return new Metered(workspace, workspace + "/" + caller.user());
    }

    /** The request's identity: the CDI one while the request context is active (it sees test identities), else the route's. */
    private static SecurityIdentity identity(RoutingContext request) {
        var container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            return container.instance(SecurityIdentity.class).get();
        }
        return request.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }
}
