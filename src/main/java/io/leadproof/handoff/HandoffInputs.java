package io.leadproof.handoff;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.common.MoneyInput;
import io.smallrye.graphql.api.Nullable;

/** Inputs of the handoff mutations; each takes an optional per-user idempotency key. */
public final class HandoffInputs {

    static final String KEY = "Per-user idempotency key (1..200 characters): a retry with the same key returns the first result; "
            + "the same key with different input is refused.";

    private HandoffInputs() {
    }

    @Input("HandoffCreateInput")
    @Description("Hand an MQL to sales by hand (when the workspace hands off manually, or to hurry one along).")
    public record Create(
            @Id @NonNull @Description("Lead id; the lead must be MQL.") String leadId,
            @Description("Rep user name; omit for round robin.") String ownerId,
            @Description(KEY) String idempotencyKey) {
    }

    @Input("HandoffAcceptInput")
    @Description("Sales accepts the lead (it becomes SAL).")
    public record Accept(@Id @NonNull @Description("Handoff id.") String handoffId, @Description(KEY) String idempotencyKey) {
    }

    @Input("HandoffRejectInput")
    @Description("Sales rejects the lead with a reason code of the workspace taxonomy.")
    public record Reject(
            @Id @NonNull @Description("Handoff id.") String handoffId,
            @NonNull @Description("An active reason code, e.g. NO_BUDGET.") String reasonCode,
            @Description("Notes, at most 2000 characters.") String notes,
            @Description("RECYCLED or DISQUALIFIED; default by category (FIT and DATA_QUALITY disqualify, the rest recycle).") Disposition disposition,
            @Description(KEY) String idempotencyKey) {
    }

    @Input("HandoffLogTouchInput")
    @Description("Sales logs a touch (counts as first response).")
    public record LogTouch(
            @Id @NonNull @Description("Handoff id.") String handoffId,
            @NonNull @Description("How the rep reached out.") TouchChannel channel,
            @Description("Note, at most 2000 characters (for a CALL or MEETING: the first-call notes).") String note,
            @Description(KEY) String idempotencyKey,
            @Description("First-call signal codes the conversation showed (active codes of firstCallSignalCodes, at most 20); only for a CALL or MEETING.") @Nullable List<@NonNull String> signals) {
    }

    @Input("HandoffAssignInput")
    @Description("Assign or reassign a handoff to a rep.")
    public record Assign(
            @Id @NonNull @Description("Handoff id.") String handoffId,
            @NonNull @Description("Rep user name (a registered sales rep).") String ownerId,
            @Description(KEY) String idempotencyKey) {
    }

    @Input("OpportunityCreateInput")
    @Description("Sales opens an opportunity for an accepted lead (it becomes SQL).")
    public record OpportunityCreate(
            @Id @NonNull @Description("Handoff id.") String handoffId,
            @NonNull @Description("Opportunity name, 1..200 characters.") String name,
            @Description(KEY) String idempotencyKey) {
    }

    @Input("DealWinInput")
    @Description("The opportunity closed won.")
    public record DealWin(
            @Id @NonNull @Description("Handoff id.") String handoffId,
            @NonNull @Description("Won amount in the workspace's reporting currency.") MoneyInput amount,
            @Description(KEY) String idempotencyKey) {
    }

    @Input("DealLoseInput")
    @Description("The opportunity closed lost.")
    public record DealLose(
            @Id @NonNull @Description("Handoff id.") String handoffId,
            @NonNull @Description("Why, 1..500 characters.") String reason,
            @Description(KEY) String idempotencyKey) {
    }
}
