package io.leadproof.evidence.api;

import org.eclipse.microprofile.graphql.Description;

@Description("The instant at which a lead is judged.")
public enum ReferenceMomentKind {
    @Description("The handoff's creation (imported handoffs included).") AT_HANDOFF,
    @Description("A number of days after the lead was created.") CREATED_PLUS_DAYS
}
