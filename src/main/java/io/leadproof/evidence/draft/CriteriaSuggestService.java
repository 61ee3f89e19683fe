package io.leadproof.evidence.draft;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaModel;
import io.leadproof.criteria.CriteriaService;
import io.leadproof.criteria.CriteriaTypes.VersionView;
import io.leadproof.criteria.CriteriaVersion;
import io.leadproof.criteria.RuleDefinition;
import io.leadproof.criteria.RuleDefinitions;
import io.leadproof.criteria.VersionStatus;
import io.leadproof.evidence.analysis.SignalAnalysisService;
import io.leadproof.evidence.api.AnalysisRequest;
import io.leadproof.evidence.api.EvidenceErrorCode;
import io.leadproof.evidence.core.SignalAnalysis;
import io.leadproof.evidence.core.SignalOptions;
import io.leadproof.evidence.rejections.Finding;
import io.leadproof.evidence.rejections.RejectionInsights;
import io.leadproof.evidence.suggest.ProposedChange;
import io.leadproof.evidence.suggest.Suggestion;
import io.leadproof.evidence.suggest.SuggestionRequest;
import io.leadproof.scoring.engine.Rule;

/**
 * From evidence to a draft: analyses the cohort, reads what the window's rejections say, lets the pure
 * {@code Suggestions} propose, then creates a DRAFT copied from the model's active version with those changes and
 * stores each change's rationale with it. Nothing is published.
 */
@ApplicationScoped
public class CriteriaSuggestService {

    @Inject
    SignalAnalysisService analyses;
    @Inject
    CriteriaService criteria;
    @Inject
    RationaleStore rationales;
    @Inject
    Clock clock;

    @Transactional
    public SuggestTypes.Payload suggest(UUID modelId, AnalysisRequest request, boolean useRejections, int knockoutMinSupport) {
        if (CriteriaModel.findById(modelId) == null) {
            return SuggestTypes.Payload.failed(List.of(EvidenceErrorCode.NOT_FOUND.error("no such model", "input", "modelId")));
        }
        CriteriaVersion active = CriteriaVersion.<CriteriaVersion>find("modelId = ?1 and status = ?2", modelId,
                VersionStatus.ACTIVE).firstResult();
        if (active == null) {
            return SuggestTypes.Payload.failed(List.of(UserError.of(UserErrorCode.NO_ACTIVE_VERSION,
                    "the model has no active version to copy; publish one first", "input", "modelId")));
        }
        var cohort = analyses.cohort(request);
        List<UserError> empty = new ArrayList<>();
        if (cohort.leads().stream().noneMatch(l -> request.groupA().contains(l.outcome()))) {
            empty.add(EvidenceErrorCode.EMPTY_GROUP.error("no " + request.groupA().label() + " in the window", "input", "analysis", "groupA"));
        }
        if (cohort.leads().stream().noneMatch(l -> request.groupB().contains(l.outcome()))) {
            empty.add(EvidenceErrorCode.EMPTY_GROUP.error("no " + request.groupB().label() + " in the window", "input", "analysis", "groupB"));
        }
        if (!empty.isEmpty()) {
            return SuggestTypes.Payload.failed(empty);
        }
        SignalOptions options = new SignalOptions(4, 20, 5, cohort.firstCallWindow());
        var analysis = SignalAnalysis.run(cohort.leads(), request.groupA(), request.groupB(), request.moment(),
                request.sampleSize(), options);
        List<Finding> findings = useRejections ? RejectionInsights.analyse(analyses.rejectionCounts(request.from(), request.to(),
                request.filter(), ZoneOffset.UTC, options)).findings() : List.of();
        CriteriaVersion draft = criteria.createDraft(modelId, active.id()).value();
        Suggestion suggestion = io.leadproof.evidence.suggest.Suggestions.suggest(new SuggestionRequest(active.spec(),
                draft.id().toString(), analysis.signals(), request.groupA().label(), request.groupB().label(), findings,
                request.from(), request.to(), knockoutMinSupport));
        List<SuggestTypes.ChangeView> changes = new ArrayList<>();
        for (ProposedChange change : suggestion.changes()) {
            changes.add(apply(draft, suggestion, change));
        }
        return new SuggestTypes.Payload(VersionView.of(draft), changes, suggestion.notes(), List.of());
    }

    private SuggestTypes.ChangeView apply(CriteriaVersion draft, Suggestion suggestion, ProposedChange change) {
        var now = clock.instant();
        return switch (change) {
            case ProposedChange.AddRule add -> {
                draft.addRule(RuleDefinitions.fromEngine(add.rule()));
                rationales.save(draft.id(), add.rule().key(), SuggestedChangeKind.ADD_RULE, null, null, add.rationale(), now);
                yield view(add.rule().key(), SuggestedChangeKind.ADD_RULE, null, null, add.rationale());
            }
            case ProposedChange.ChangePoints points -> {
                Rule proposed = suggestion.draft().rules().stream().filter(r -> r.key().equals(points.ruleKey())).findFirst()
                        .orElseThrow();
                RuleDefinition before = draft.rules().stream().filter(r -> r.key().equals(points.ruleKey())).findFirst()
                        .orElseThrow();
                draft.replaceRule(points.ruleKey(), DraftEdits.withPoints(before, RuleDefinitions.fromEngine(proposed)));
                rationales.save(draft.id(), points.ruleKey(), SuggestedChangeKind.CHANGE_POINTS, points.fromPoints(),
                        points.toPoints(), points.rationale(), now);
                yield view(points.ruleKey(), SuggestedChangeKind.CHANGE_POINTS, points.fromPoints(), points.toPoints(),
                        points.rationale());
            }
        };
    }

    static SuggestTypes.ChangeView view(String key, SuggestedChangeKind kind, Integer from, Integer to,
                                        io.leadproof.evidence.suggest.Rationale r) {
        return new SuggestTypes.ChangeView(key, new RationaleView(kind, from, to, r.signalKey(), r.statistic(), r.groupA(),
                r.countA(), r.nA(), r.groupB(), r.countB(), r.nB(), Double.isFinite(r.lift()) ? r.lift() : 0,
                Double.isFinite(r.weightOfEvidence()) ? r.weightOfEvidence() : 0, r.pValue(), r.qValue(),
                io.leadproof.evidence.api.EvidenceVerdict.of(r.verdict()),
                r.windowFrom() == null ? null : r.windowFrom().atOffset(ZoneOffset.UTC),
                r.windowTo() == null ? null : r.windowTo().atOffset(ZoneOffset.UTC), r.sentence()));
    }
}
