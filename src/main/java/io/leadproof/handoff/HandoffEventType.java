package io.leadproof.handoff;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of handoff event in the audit log.")
public enum HandoffEventType {
    @Description("Marketing handed the lead to sales; evidence frozen.") CREATED,
    @Description("A rep was assigned (round robin or explicitly).") ASSIGNED,
    @Description("The handoff moved to another rep.") REASSIGNED,
    @Description("Sales accepted.") ACCEPTED,
    @Description("Sales rejected with a reason.") REJECTED,
    @Description("Sales logged a touch (call, email, meeting).") TOUCH_LOGGED,
    @Description("An opportunity was opened.") OPPORTUNITY_CREATED,
    @Description("The deal was won.") WON,
    @Description("The deal was lost.") LOST
}
