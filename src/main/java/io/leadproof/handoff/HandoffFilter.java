package io.leadproof.handoff;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

/** Narrows the rep's queue, in the style of LeadFilter and PrivacyAuditFilter: one input object, all conditions must hold. */
@Input("HandoffFilter")
@Description("Narrows a handoff list; all given conditions must hold.")
public record HandoffFilter(
        @Description("Only handoffs in one of these states (default: open ones — PENDING, ACCEPTED, OPPORTUNITY).")
        @Nullable List<@NonNull HandoffState> states,
        @Description("Only handoffs still waiting for a first response past their due time (true), or not (false).") Boolean overdue) {

    /** The filter the deprecated arguments {@code status} and {@code overdue} stand for; refuses both forms at once. */
    static HandoffFilter of(HandoffFilter filter, List<HandoffState> status, Boolean overdue) {
        if (filter == null) {
            return new HandoffFilter(status, overdue);
        }
        if (status != null || overdue != null) {
            throw io.leadproof.common.ApiException.invalid("FILTER_AND_ARGUMENTS",
                    "give either filter or the deprecated arguments status/overdue, not both");
        }
        return filter;
    }
}
