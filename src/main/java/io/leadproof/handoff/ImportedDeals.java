package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.leadproof.feedback.FirstCallSignalCodes;
import io.leadproof.feedback.RejectionReason;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadLifecycle;
import io.leadproof.lead.LifecycleMove;

/**
 * Lands one checked deal as an imported handoff, or advances the handoff of a deal imported before: each step through
 * the handoff's own verbs at its stated time, the lead's lifecycle moved alongside. Never assigns through round robin,
 * never notifies.
 */
@ApplicationScoped
class ImportedDeals {

    record Outcome(Handoff handoff, HandoffRuleException error) {
    }

    @Inject
    EvidenceReader evidence;
    @Inject
    LeadLifecycle lifecycle;
    @Inject
    FirstCallSignalCodes signalCodes;

    Outcome land(DealImportPlan plan, Lead lead, RejectionReason reason, UUID versionId, String currency, String actor) {
        try {
            Handoff existing = Handoff.<Handoff>find("externalDealId", plan.externalDealId())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            var events = new ArrayList<HandoffEvent>();
            Handoff handoff = existing == null ? create(plan, lead, versionId, actor, events) : existing;
            if (!handoff.leadId().equals(lead.id())) {
                throw new HandoffRuleException(UserErrorCode.CONFLICT, "this externalDealId was imported for another lead", "externalDealId");
            }
            boolean touched = advance(handoff, plan, reason, currency, actor, events);
            // one INSERT of the handoff in its final state: each write of a handoff refreshes its lead's metrics facts
            if (existing == null) {
                handoff.persist();
            }
            events.forEach(e -> e.persist());
            if (touched) {
                signalCodes.record(handoff.id(), plan.signals(), plan.firstCallAt());
            }
            return new Outcome(handoff, null);
        } catch (HandoffRuleException e) {
            return new Outcome(null, e);
        }
    }

    private Handoff create(DealImportPlan plan, Lead lead, UUID versionId, String actor, List<HandoffEvent> events) {
        if (plan.handedOffAt().isBefore(lead.createdAt())) {
            throw new HandoffRuleException(UserErrorCode.OUT_OF_ORDER, "handedOffAt must not lie before the lead's creation", "handedOffAt");
        }
        var frozen = evidence.read(lead, versionId).orElseGet(() -> new FrozenEvidence(versionId, 0, 0, 0, "[]",
                EvidenceReader.snapshot(lead)));
        if (lifecycle.apply(LifecycleMove.IMPORT_HAND_OFF, List.of(lead.id()), plan.handedOffAt(), versionId).isEmpty()) {
            throw new HandoffRuleException(UserErrorCode.LEAD_STAGE, "a lead in stage " + lead.lifecycleStage()
                    + " cannot get an imported handoff (it has an open handoff or a closed deal)", "leadId");
        }
        var handoff = Handoff.imported(lead.id(), frozen, plan.externalDealId(), plan.owner(), actor, plan.handedOffAt());
        events.add(handoff.created());
        return handoff;
    }

    /** Applies the plan's steps the handoff lacks, in the order they happened; true when it logged the first call. */
    private boolean advance(Handoff h, DealImportPlan plan, RejectionReason reason, String currency, String actor,
            List<HandoffEvent> events) {
        boolean touched = false;
        if (!h.state().isOpen()) {
            return false;
        }
        Instant latest = latest(h);
        for (var step : plan.steps()) {
            if (recorded(h, step)) {
                continue;
            }
            if (step.at().isBefore(latest)) {
                throw new HandoffRuleException(UserErrorCode.OUT_OF_ORDER, "the imported handoff already records a later step", "externalDealId");
            }
            events.add(apply(h, plan, reason, currency, actor, step));
            touched |= step.step() == DealImportPlan.Step.TOUCH;
        }
        return touched;
    }

    private HandoffEvent apply(Handoff h, DealImportPlan plan, RejectionReason reason, String currency, String actor,
            DealImportPlan.TimedStep step) {
        Instant at = step.at();
        HandoffEvent event = switch (step.step()) {
            case ACCEPT -> move(h.accept(actor, at), h, LifecycleMove.ACCEPT, at);
            case TOUCH -> h.logTouch(actor, TouchChannel.CALL.name(), plan.firstCallNotes(), at);
            case OPPORTUNITY -> move(h.openOpportunity(actor, plan.opportunityName(), at), h, LifecycleMove.OPEN_OPPORTUNITY, at);
            case REJECT -> {
                var disposition = reason.category().disqualifiesByDefault() ? Disposition.DISQUALIFIED : Disposition.RECYCLED;
                var rejected = h.reject(actor, new RejectionReasonRef(reason.code(), reason.category().name()), plan.rejectionNotes(),
                        disposition, at);
                yield move(rejected, h, disposition == Disposition.RECYCLED ? LifecycleMove.RECYCLE : LifecycleMove.DISQUALIFY, at);
            }
            case WIN -> move(h.win(actor, plan.wonAmount(), currency, at), h, LifecycleMove.WIN, at);
            case LOSE -> move(h.lose(actor, plan.lostReason(), at), h, LifecycleMove.LOSE, at);
        };
        return event;
    }

    private HandoffEvent move(HandoffEvent event, Handoff h, LifecycleMove move, Instant at) {
        if (lifecycle.apply(move, List.of(h.leadId()), at, null).isEmpty()) {
            throw new HandoffRuleException(UserErrorCode.LEAD_STAGE, "the lead's stage does not allow the imported step (" + move + ")", "leadId");
        }
        return event;
    }

    private static boolean recorded(Handoff h, DealImportPlan.TimedStep step) {
        return switch (step.step()) {
            case ACCEPT -> h.acceptedAt() != null;
            case OPPORTUNITY -> h.opportunityAt() != null;
            case TOUCH -> HandoffEvent.count("handoffId = ?1 and type = ?2 and occurredAt = ?3", h.id(),
                    HandoffEventType.TOUCH_LOGGED, step.at()) > 0;
            case REJECT, WIN, LOSE -> !h.state().isOpen();
        };
    }

    private static Instant latest(Handoff h) {
        Instant latest = h.createdAt();
        for (Instant t : new Instant[] { h.acceptedAt(), h.opportunityAt(), h.firstResponseAt() }) {
            if (t != null && t.isAfter(latest)) {
                latest = t;
            }
        }
        return latest;
    }
}
