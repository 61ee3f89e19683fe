package io.leadproof.imports.job;

import java.io.StringWriter;
import java.util.List;
import java.util.UUID;

import io.leadproof.common.NodeId;
import io.leadproof.imports.ErrorReportWriter;
import io.leadproof.imports.ImportError;
import io.leadproof.security.Caller;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /imports/<id>/errors}: the job's error report as CSV ({@code row,column,code,message}), written page by
 * page as it is read (never whole in memory). Any role of the workspace may read it; a job of another workspace is 404.
 */
final class ErrorReportDownload {

    static final int PAGE = 5_000;

    private final Vertx vertx;
    private final WorkspaceScope scope;
    private final ImportJobStore jobs;

    ErrorReportDownload(Vertx vertx, WorkspaceScope scope, ImportJobStore jobs) {
        this.vertx = vertx;
        this.scope = scope;
        this.jobs = jobs;
    }

    void handle(RoutingContext rc) {
        var identity = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        var caller = Caller.of(identity, rc.request().getHeader(CurrentWorkspace.HEADER));
        if (caller.anonymous()) {
            Refusal.send(rc, 401, "UNAUTHENTICATED", "Sign in: the error report needs a bearer token");
            return;
        }
        if (caller.workspace() == null) {
            Refusal.send(rc, 403, caller.refusal(), caller.refusalMessage());
            return;
        }
        if (identity.getRoles().stream().noneMatch(r -> r.equals(Roles.ADMIN) || r.equals(Roles.MARKETING)
                || r.equals(Roles.SALES) || r.equals(Roles.LEADERSHIP))) {
            Refusal.send(rc, 403, "FORBIDDEN", "the error report needs a LeadProof role");
            return;
        }
        String raw = rc.pathParam("id");
        UUID id = parse(raw);
        if (id == null) {
            Refusal.send(rc, 404, "NOT_FOUND", "no import has this id");
            return;
        }
        var response = rc.response();
        page(rc, caller.workspace(), id, 0, true);
    }

    private void page(RoutingContext rc, String ws, UUID id, long after, boolean first) {
        vertx.executeBlocking(() -> scope.call(ws, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (first && jobs.find(id).isEmpty()) {
                return null;
            }
            return jobs.errors(id, after, PAGE);
        }))).onComplete(result -> {
            var response = rc.response();
            if (result.failed()) {
                if (first) {
                    Refusal.send(rc, 500, "INTERNAL", "the error report could not be read; try again");
                } else {
                    response.reset();
                }
                return;
            }
            List<ImportError> errors = result.result();
            if (errors == null) {
                Refusal.send(rc, 404, "NOT_FOUND", "no import of this workspace has this id");
                return;
            }
            var text = new StringWriter();
            try (var writer = new ErrorReportWriter(text, first)) {
                for (ImportError e : errors) {
                    writer.write(e);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (first) {
                response.setChunked(true).putHeader("Content-Type", "text/csv; charset=UTF-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
            }
            response.write(text.toString());
            if (errors.size() < PAGE) {
                response.end();
            } else {
                page(rc, ws, id, after + errors.size(), false);
            }
        });
    }

    private static UUID parse(String raw) {
        UUID byNode = NodeId.parse("ImportJob", raw);
        if (byNode != null) {
            return byNode;
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
