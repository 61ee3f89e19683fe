package io.leadproof.criteria;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;
import io.leadproof.scoring.engine.CriteriaValidator;
import io.leadproof.security.CurrentWorkspace;

/** Owns the criteria transactions: models, drafts, rule edits, publishing and retiring. */
@ApplicationScoped
public class CriteriaService {

    public record Result<T>(T value, List<UserError> userErrors) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, List.of());
        }

        static <T> Result<T> failed(List<UserError> errors) {
            return new Result<>(null, errors);
        }
    }

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Event<VersionPublished> published;
    @Inject
    jakarta.enterprise.inject.Instance<PublishCheck> publishChecks;

    @Transactional
    public Result<CriteriaModel> createModel(String name, boolean drivesHandoffs) {
        var problems = new InputProblems();
        String clean = problems.text(name, 120, "name");
        if (clean == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "name must not be blank", "name");
        } else if (clean != null && CriteriaModel.count("name", clean) > 0) {
            problems.add(UserErrorCode.TAKEN, "a model named '" + clean + "' exists", "name");
        }
        if (!problems.isEmpty()) {
            return Result.failed(problems.errors());
        }
        var model = CriteriaModel.name(clean, clock.instant());
        model.persist();
        if (drivesHandoffs) {
            makeHandoffModel(model);
        }
        return Result.ok(model);
    }

    /** The model now driving handoffs and the one that stopped (null when it already drove them, or none did). */
    public record HandoffModelSwitch(CriteriaModel model, CriteriaModel previous) {
    }

    @Transactional
    public Result<HandoffModelSwitch> setHandoffModel(UUID modelId) {
        return model(modelId).map(m -> Result.ok(new HandoffModelSwitch(m, makeHandoffModel(m))))
                .orElseGet(() -> Result.failed(List.of(UserError.of(UserErrorCode.NOT_FOUND, "no such model", "modelId"))));
    }

    private CriteriaModel makeHandoffModel(CriteriaModel model) {
        List<CriteriaModel> stopped = CriteriaModel.list("drivesHandoffs = true and id <> ?1", model.id());
        stopped.forEach(CriteriaModel::stopDrivingHandoffs);
        CriteriaModel.flush();
        model.driveHandoffs();
        return stopped.isEmpty() ? null : stopped.getFirst();
    }

    /**
     * The version a publish retired: retiring and publishing share one instant. The database keeps microseconds of it,
     * the published entity in memory may hold more digits, so the instants are compared within a millisecond.
     */
    public Optional<CriteriaVersion> retiredBy(CriteriaVersion published) {
        if (published.publishedAt() == null) {
            return Optional.empty();
        }
        return CriteriaVersion.<CriteriaVersion>find("modelId = ?1 and status = ?2 and retiredAt is not null order by retiredAt desc",
                published.modelId(), VersionStatus.RETIRED).firstResultOptional()
                .filter(v -> java.time.Duration.between(v.retiredAt(), published.publishedAt()).abs().toMillis() < 1);
    }

    @Transactional
    public Result<CriteriaVersion> createDraft(UUID modelId, UUID copyFrom) {
        var model = modelForUpdate(modelId);
        if (model.isEmpty()) {
            return Result.failed(List.of(UserError.of(UserErrorCode.NOT_FOUND, "no such model", "modelId")));
        }
        CriteriaVersion basedOn = null;
        if (copyFrom != null) {
            basedOn = version(copyFrom).filter(v -> v.modelId().equals(modelId)).orElse(null);
            if (basedOn == null) {
                return Result.failed(List.of(UserError.of(UserErrorCode.NOT_FOUND, "copyFromVersionId names no version of this model", "copyFromVersionId")));
            }
        }
        Integer last = CriteriaVersion.getEntityManager()
                .createQuery("select max(v.number) from CriteriaVersion v where v.modelId = :m", Integer.class)
                .setParameter("m", modelId).getSingleResult();
        var draft = CriteriaVersion.draft(modelId, last == null ? 1 : last + 1, basedOn, workspace.actor(), clock.instant());
        draft.persist();
        return Result.ok(draft);
    }

    /** Applies an edit to a draft; state and rule problems come back as user errors. */
    @Transactional
    public Result<CriteriaVersion> edit(UUID versionId, java.util.function.Consumer<CriteriaVersion> change) {
        var version = version(versionId);
        if (version.isEmpty()) {
            return Result.failed(List.of(UserError.of(UserErrorCode.NOT_FOUND, "no such version", "versionId")));
        }
        try {
            change.accept(version.get());
            return Result.ok(version.get());
        } catch (CriteriaRuleException e) {
            return Result.failed(List.of(UserError.of(e.code(), e.getMessage(), e.field())));
        }
    }

    /** Publishing retires the model's active version; the model row lock serialises concurrent publishes. */
    @Transactional
    public Result<CriteriaVersion> publish(UUID versionId) {
        var candidate = version(versionId);
        if (candidate.isEmpty()) {
            return Result.failed(List.of(UserError.of(UserErrorCode.NOT_FOUND, "no such version", "versionId")));
        }
        modelForUpdate(candidate.get().modelId());
        CriteriaVersion.getEntityManager().refresh(candidate.get());
        var draft = candidate.get();
        if (draft.status() != VersionStatus.DRAFT) {
            return Result.failed(List.of(UserError.of(UserErrorCode.NOT_A_DRAFT, "version " + draft.number() + " is " + draft.status()
                    + " and cannot be published again", "versionId")));
        }
        var violations = CriteriaValidator.validate(draft.spec());
        if (!violations.isEmpty()) {
            return Result.failed(violations.stream().map(v -> UserError.of(v.code(), v.message(), v.path().toArray(String[]::new))).toList());
        }
        for (PublishCheck check : publishChecks) {
            var refused = check.check(draft);
            if (!refused.isEmpty()) {
                return Result.failed(refused);
            }
        }
        var now = clock.instant();
        // Retire first and flush: the database allows one ACTIVE version per model at any moment.
        CriteriaVersion.<CriteriaVersion>list("modelId = ?1 and status = ?2", draft.modelId(), VersionStatus.ACTIVE)
                .forEach(active -> active.retire(now));
        CriteriaVersion.flush();
        draft.publish(workspace.actor(), now);
        CriteriaVersion.flush();
        published.fire(new VersionPublished(workspace.id(), draft.modelId(), draft.id(), now));
        return Result.ok(draft);
    }

    @Transactional
    public Result<CriteriaVersion> retire(UUID versionId) {
        return edit(versionId, v -> {
            if (v.status() == VersionStatus.ACTIVE) {
                throw new CriteriaRuleException(UserErrorCode.ACTIVE_VERSION, "versionId",
                        "the active version is retired by publishing its successor; a model always has one active version");
            }
            v.retire(clock.instant());
        });
    }

    public Optional<CriteriaModel> model(UUID id) {
        return CriteriaModel.find("id", id).firstResultOptional();
    }

    private Optional<CriteriaModel> modelForUpdate(UUID id) {
        return CriteriaModel.<CriteriaModel>find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<CriteriaVersion> version(UUID id) {
        return CriteriaVersion.find("id", id).firstResultOptional();
    }

    public List<CriteriaVersion> versions(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : CriteriaVersion.list("id in ?1", java.util.Set.copyOf(ids));
    }

    public List<CriteriaVersion> activeVersionsOf(java.util.Collection<UUID> modelIds) {
        return modelIds.isEmpty() ? List.of()
                : CriteriaVersion.list("modelId in ?1 and status = ?2", java.util.Set.copyOf(modelIds), VersionStatus.ACTIVE);
    }

    public List<CriteriaModel> models() {
        return CriteriaModel.list("order by name");
    }

    public List<CriteriaVersion> versionsOf(java.util.Collection<UUID> modelIds) {
        return modelIds.isEmpty() ? List.of() : CriteriaVersion.list("modelId in ?1 order by number desc", java.util.Set.copyOf(modelIds));
    }
}
