package io.leadproof.handoff;

import io.leadproof.common.UserErrorCode;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;
import io.leadproof.feedback.RejectionReasons;
import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.handoff.HandoffTypes.Payload;
import io.leadproof.lead.LeadLifecycle;
import io.leadproof.lead.LifecycleMove;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.leadproof.workspace.WorkspaceService;

/** Marketing hands leads over; the assigned rep (or RevOps) responds. Every change is an audited event. */
@GraphQLApi
public class HandoffGraphQL {

    @Inject
    HandoffService handoffs;
    @Inject
    RejectionReasons reasons;
    @Inject
    io.leadproof.feedback.FirstCallSignalCodes signalCodes;
    @Inject
    WorkspaceService workspaces;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    java.time.Clock clock;
    @Inject
    LeadLifecycle lifecycle;

    @Query("handoff")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("A handoff by id.")
    public HandoffView handoff(@NonNull @Id @Description("Handoff id.") String id) {
        return handoffs.view(NodeId.require("Handoff", id, "id")).orElse(null);
    }

    @Mutation("handoffCreate")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Hands an MQL to sales, freezing its evidence; assigns the given rep or the next by round robin.")
    public @NonNull Payload handoffCreate(@NonNull @Description("The handoff.") HandoffInputs.Create input) {
        return handoffs.create(input, NodeId.require("Lead", input.leadId(), "leadId"));
    }

    @Mutation("handoffAccept")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES })
    @Description("Sales accepts the lead: the handoff becomes ACCEPTED and the lead SAL.")
    public @NonNull Payload handoffAccept(@NonNull @Description("The handoff.") HandoffInputs.Accept input) {
        return handoffs.act(id(input.handoffId()), input.idempotencyKey(), "handoffAccept", input, (h, lead) -> {
            var now = clock.instant();
            var event = h.accept(workspace.actor(), now);
            lifecycle.move(lead.id(), LifecycleMove.ACCEPT, now, null);
            return event;
        });
    }

    @Mutation("handoffReject")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES })
    @Description("Sales rejects the lead with a reason code; the lead is recycled to nurture or disqualified.")
    public @NonNull Payload handoffReject(@NonNull @Description("The rejection.") HandoffInputs.Reject input) {
        var problems = new InputProblems();
        String notes = problems.text(input.notes(), 2000, "notes");
        if (!problems.isEmpty()) {
            return new Payload(null, problems.errors());
        }
        return handoffs.act(id(input.handoffId()), input.idempotencyKey(), "handoffReject", input, (h, lead) -> {
            var reason = reasons.active(input.reasonCode())
                    .orElseThrow(() -> new HandoffRuleException(UserErrorCode.UNKNOWN_REASON, "reasonCode is not an active code of this workspace"));
            var disposition = input.disposition() != null ? input.disposition()
                    : reason.category().disqualifiesByDefault() ? Disposition.DISQUALIFIED : Disposition.RECYCLED;
            var now = clock.instant();
            var event = h.reject(workspace.actor(), new RejectionReasonRef(reason.code(), reason.category().name()), notes, disposition, now);
            if (disposition == Disposition.RECYCLED) {
                lifecycle.move(lead.id(), LifecycleMove.RECYCLE, now, null);
            } else {
                lifecycle.move(lead.id(), LifecycleMove.DISQUALIFY, now, null);
            }
            return event;
        });
    }

    @Mutation("handoffLogTouch")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES })
    @Description("Logs a touch; the first touch counts as the first response for the SLA.")
    public @NonNull Payload handoffLogTouch(@NonNull @Description("The touch.") HandoffInputs.LogTouch input) {
        var problems = new InputProblems();
        String note = problems.text(input.note(), 2000, "note");
        var signals = input.signals() == null ? java.util.List.<String>of() : input.signals();
        if (!signals.isEmpty() && input.channel() != TouchChannel.CALL && input.channel() != TouchChannel.MEETING) {
            problems.add(UserErrorCode.SIGNALS_NEED_A_CONVERSATION, "first-call signals are logged on a CALL or MEETING", "signals");
        }
        var errors = new java.util.ArrayList<>(problems.errors());
        errors.addAll(signalCodes.check(signals));
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        return handoffs.act(id(input.handoffId()), input.idempotencyKey(), "handoffLogTouch", input, (h, lead) -> {
            var now = clock.instant();
            var event = h.logTouch(workspace.actor(), input.channel().name(), note, now);
            signalCodes.record(h.id(), signals, now);
            return event;
        });
    }

    @Mutation("handoffAssign")
    @RolesAllowed(Roles.ADMIN)
    @Description("Assigns or reassigns a handoff to a registered rep; reassignment is recorded.")
    public @NonNull Payload handoffAssign(@NonNull @Description("The assignment.") HandoffInputs.Assign input) {
        return handoffs.assign(id(input.handoffId()), input);
    }

    @Mutation("opportunityCreate")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES })
    @Description("Opens an opportunity for an accepted lead: the handoff becomes OPPORTUNITY and the lead SQL.")
    public @NonNull Payload opportunityCreate(@NonNull @Description("The opportunity.") HandoffInputs.OpportunityCreate input) {
        var problems = new InputProblems();
        String name = problems.text(input.name(), 200, "name");
        if (name == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "name must not be blank", "name");
        }
        if (!problems.isEmpty()) {
            return new Payload(null, problems.errors());
        }
        return handoffs.act(id(input.handoffId()), input.idempotencyKey(), "opportunityCreate", input, (h, lead) -> {
            var now = clock.instant();
            var event = h.openOpportunity(workspace.actor(), name, now);
            lifecycle.move(lead.id(), LifecycleMove.OPEN_OPPORTUNITY, now, null);
            return event;
        });
    }

    @Mutation("dealWin")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES })
    @Description("Closes the opportunity as won with its amount in the reporting currency.")
    public @NonNull Payload dealWin(@NonNull @Description("The win.") HandoffInputs.DealWin input) {
        var problems = new InputProblems();
        String currency = workspaces.current().reportingCurrency();
        BigDecimal amount = problems.amount(input.amount().amount(), currency, "amount");
        if (!currency.equals(input.amount().currency())) {
            problems.add(UserErrorCode.CURRENCY_MISMATCH, "amounts are recorded in the reporting currency " + currency, "amount");
        }
        if (!problems.isEmpty()) {
            return new Payload(null, problems.errors());
        }
        return handoffs.act(id(input.handoffId()), input.idempotencyKey(), "dealWin", input, (h, lead) -> {
            var now = clock.instant();
            var event = h.win(workspace.actor(), amount, currency, now);
            lifecycle.move(lead.id(), LifecycleMove.WIN, now, null);
            return event;
        });
    }

    @Mutation("dealLose")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES })
    @Description("Closes the opportunity as lost with a reason.")
    public @NonNull Payload dealLose(@NonNull @Description("The loss.") HandoffInputs.DealLose input) {
        var problems = new InputProblems();
        String reason = problems.text(input.reason(), 500, "reason");
        if (reason == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "reason must not be blank", "reason");
        }
        if (!problems.isEmpty()) {
            return new Payload(null, problems.errors());
        }
        return handoffs.act(id(input.handoffId()), input.idempotencyKey(), "dealLose", input, (h, lead) -> {
            var now = clock.instant();
            var event = h.lose(workspace.actor(), reason, now);
            lifecycle.move(lead.id(), LifecycleMove.LOSE, now, null);
            return event;
        });
    }

    private static UUID id(String handoffId) {
        return NodeId.require("Handoff", handoffId, "handoffId");
    }
}
