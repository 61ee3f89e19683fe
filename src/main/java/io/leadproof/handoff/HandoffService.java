package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.leadproof.common.UserError;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.handoff.HandoffTypes.Payload;
import io.leadproof.lead.IllegalLifecycleMove;
import io.leadproof.lead.Lead;
import io.leadproof.lead.LeadLifecycle;
import io.leadproof.lead.LifecycleMove;
import io.leadproof.lead.LifecycleStage;
import io.leadproof.ops.BusinessMetrics;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.leadproof.workspace.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/** Owns handoff transactions: opening with frozen evidence, assignment, and every sales response. */
@ApplicationScoped
public class HandoffService {

    static final String SYSTEM = "leadproof";

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    WorkspaceService workspaces;
    @Inject
    SecurityIdentity identity;
    @Inject
    RoundRobin roundRobin;
    @Inject
    EvidenceReader evidence;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    HandoffNotifier notifier;
    @Inject
    LeadLifecycle lifecycle;
    @Inject
    HandoffSla sla;
    @Inject
    BusinessMetrics metrics;
    @Inject
    jakarta.enterprise.event.Event<HandoffActed> acted;

    @Transactional
    public Payload create(HandoffInputs.Create in, UUID leadId) {
        return idempotency.once(in.idempotencyKey(), "handoffCreate", in, Payload.class, () -> {
            var version = evidence.handoffVersion();
            if (version.isEmpty()) {
                return failed(UserErrorCode.NO_HANDOFF_MODEL, "no criteria model drives handoffs", "leadId");
            }
            return open(leadId, version.get(), workspace.actor(), in.ownerId());
        });
    }

    private Payload open(UUID leadId, UUID versionId, String actor, String ownerName) {
        Instant now = clock.instant();
        Lead lead = Lead.<Lead>find("id", leadId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (lead == null) {
            return failed(UserErrorCode.NOT_FOUND, "leadId names no lead of this workspace", "leadId");
        }
        if (lead.lifecycleStage() != LifecycleStage.MQL) {
            return failed(UserErrorCode.NOT_MQL, "only an MQL can be handed off; this lead is " + lead.lifecycleStage(), "leadId");
        }
        var frozen = evidence.read(lead, versionId);
        if (frozen.isEmpty()) {
            return failed(UserErrorCode.NOT_SCORED, "the lead has no score under the handoff model's active version yet", "leadId");
        }
        Optional<SalesRep> rep = ownerName == null ? roundRobin.next(now) : roundRobin.named(ownerName, now);
        if (ownerName != null && rep.isEmpty()) {
            return failed(UserErrorCode.NOT_FOUND, "ownerId names no registered sales rep", "ownerId");
        }
        lifecycle.move(lead.id(), LifecycleMove.HAND_OFF, now, versionId);
        var handoff = openFor(lead.id(), frozen.get(), rep.map(SalesRep::userName).orElse(null), actor, now,
                Duration.ofHours(workspaces.current().slaHours()));
        metrics.handoffsCreated(1);
        if (handoff.owner() != null) {
            notifier.assigned(handoff);
        }
        return new Payload(HandoffView.of(handoff, sla.breached(handoff, now)), List.of());
    }

    /**
     * Opens the handoff of a lead the caller has moved to HANDED_OFF ({@link LifecycleMove#HAND_OFF}), with its frozen
     * evidence, assigned to owner when given: the handoff and its events.
     */
    static Handoff openFor(UUID leadId, FrozenEvidence evidence, String owner, String actor, Instant now, Duration sla) {
        var handoff = Handoff.open(leadId, evidence, actor, now, sla);
        var created = handoff.created();
        var assigned = owner == null ? null : handoff.assignTo(owner, actor, now);
        // Persisted assigned: one INSERT, where persisting first and assigning after cost an UPDATE as well, and each
        // write of a handoff refreshes the lead's metrics facts (V4 trigger) at several milliseconds a time.
        handoff.persist();
        created.persist();
        if (assigned != null) {
            assigned.persist();
        }
        return handoff;
    }

    /** Applies a sales response; any refused step rolls the whole change back and comes back as a user error. */
    @Transactional
    public Payload act(UUID handoffId, String key, String operation, Object input, BiFunction<Handoff, Lead, HandoffEvent> step) {
        return idempotency.once(key, operation, input, Payload.class, () -> {
            Handoff handoff = Handoff.<Handoff>find("id", handoffId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (handoff == null) {
                return failed(UserErrorCode.NOT_FOUND, "handoffId names no handoff of this workspace", "handoffId");
            }
            if (!identity.hasRole(Roles.ADMIN) && !workspace.actor().equals(handoff.owner())) {
                return failed(UserErrorCode.NOT_OWNER, "only the assigned rep or a RevOps admin can act on this handoff", "handoffId");
            }
            Lead lead = Lead.<Lead>find("id", handoff.leadId()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            try {
                var event = step.apply(handoff, lead);
                event.persist();
                if (event.type() == HandoffEventType.REJECTED) {
                    metrics.rejected(handoff.rejectionCategory());
                }
                acted.fire(new HandoffActed(workspace.id(), handoff.id(), handoff.leadId()));
            } catch (HandoffRuleException e) {
                QuarkusTransaction.setRollbackOnly();
                return failed(e.code(), e.getMessage(), e.field());
            } catch (IllegalLifecycleMove e) {
                QuarkusTransaction.setRollbackOnly();
                return failed(UserErrorCode.LEAD_STAGE, e.getMessage(), "handoffId");
            }
            return new Payload(HandoffView.of(handoff, sla.breached(handoff, clock.instant())), List.of());
        });
    }

    /** Reassignment; the new rep is notified. */
    @Transactional
    public Payload assign(UUID handoffId, HandoffInputs.Assign in) {
        return act(handoffId, in.idempotencyKey(), "handoffAssign", in, (handoff, lead) -> {
            var now = clock.instant();
            var rep = roundRobin.named(in.ownerId(), now)
                    .orElseThrow(() -> new HandoffRuleException(UserErrorCode.NOT_FOUND, "ownerId names no registered sales rep", "ownerId"));
            var event = handoff.assignTo(rep.userName(), workspace.actor(), now);
            notifier.assigned(handoff);
            return event;
        });
    }

    public Optional<Handoff> find(UUID id) {
        return Handoff.find("id", id).firstResultOptional();
    }

    public Optional<HandoffView> view(UUID id) {
        return find(id).map(h -> HandoffView.of(h, sla.breached(h, clock.instant())));
    }

    private static Payload failed(UserErrorCode code, String message, String field) {
        return new Payload(null, List.of(UserError.of(code, message, field)));
    }
}
