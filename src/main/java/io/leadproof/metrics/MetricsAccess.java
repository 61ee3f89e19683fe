package io.leadproof.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who sees which metrics (docs/metrics.md, "Who sees what"): revops-admin and leadership everything; marketing
 * everything except per-owner metrics; sales only the metrics of their own handoffs. A request is allowed when
 * any of the caller's roles allows it.
 */
@ApplicationScoped
public class MetricsAccess {

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentWorkspace workspace;

    /** The owner filter to apply: the one asked for, or the caller's own for sales; refuses what no role allows. */
    String owner(String asked, MetricsDimension by) {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.LEADERSHIP)) {
            return asked;
        }
        if (asked == null && by != MetricsDimension.OWNER && identity.hasRole(Roles.MARKETING)) {
            return null;
        }
        if (identity.hasRole(Roles.SALES)) {
            String self = workspace.actor();
            if (asked != null && !asked.equals(self)) {
                throw new ForbiddenException("sales see the metrics of their own handoffs only");
            }
            return self;
        }
        throw new ForbiddenException(identity.hasRole(Roles.MARKETING)
                ? "per-owner metrics are for revops-admin, leadership and the owner" : "metrics are not available to this role");
    }
}
