package io.leadproof.evidence.backtesting;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadproof.evidence.backtesting.BacktestTypes.BacktestView;
import io.leadproof.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** node(id) for backtests: the readers of criteriaBacktest only (sales has no part in criteria changes). */
@ApplicationScoped
public class BacktestNodes {

    @Inject
    BacktestJobs jobs;
    @Inject
    SecurityIdentity identity;

    public BacktestView find(UUID id) {
        if (!(identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.MARKETING) || identity.hasRole(Roles.LEADERSHIP))) {
            throw new ForbiddenException("backtests are read by revops-admin, marketing and leadership");
        }
        return jobs.find(id).map(BacktestView::of).orElse(null);
    }
}
