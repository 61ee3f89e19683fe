package io.leadproof.evidence.backtesting;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaVersion;
import io.leadproof.criteria.PublishCheck;
import io.leadproof.security.CurrentWorkspace;

/**
 * The workspace's publish policy (off by default) and its check: with {@code requireBacktest}, a version is published
 * only when a SUCCEEDED backtest of it compiled it as it is now (its last_edited_at, stamped by the trigger of
 * R__evidence_backtest_edits.sql, is not newer than the one the backtest saw).
 */
@ApplicationScoped
public class PublishPolicies implements PublishCheck {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;

    public boolean requiresBacktest() {
        PublishPolicy p = PublishPolicy.findById(workspace.id());
        return p != null && p.requiresBacktest();
    }

    public PublishPolicy current() {
        return PublishPolicy.findById(workspace.id());
    }

    @Transactional
    public PublishPolicy set(boolean requireBacktest) {
        PublishPolicy p = PublishPolicy.findById(workspace.id());
        if (p == null) {
            p = PublishPolicy.of(workspace.id());
            p.requireBacktest(requireBacktest, workspace.actor(), clock.instant());
            p.persist();
        } else {
            p.requireBacktest(requireBacktest, workspace.actor(), clock.instant());
        }
        return p;
    }

    @Override
    public List<UserError> check(CriteriaVersion draft) {
        if (!requiresBacktest()) {
            return List.of();
        }
        em.flush();
        Number fresh = (Number) em.createNativeQuery("select count(*) from criteria_backtest b join criteria_version v"
                + " on v.workspace_id = b.workspace_id and v.id = b.version_id"
                + " where b.workspace_id = ?1 and b.version_id = ?2 and b.state = 'SUCCEEDED'"
                + " and b.version_edited_at >= v.last_edited_at").setParameter(1, workspace.id()).setParameter(2, draft.id())
                .getSingleResult();
        if (fresh.longValue() > 0) {
            return List.of();
        }
        return List.of(UserError.of(UserErrorCode.BACKTEST_REQUIRED, "this workspace publishes a version only after a successful backtest of it"
                + " as it is now; version " + draft.number() + " has none since its last edit: run criteriaBacktestStart first",
                "versionId"));
    }
}
