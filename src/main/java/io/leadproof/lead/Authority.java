package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("BANT authority: the lead's role in the buying decision.")
public enum Authority {
    @Description("Not known yet.") UNKNOWN,
    @Description("No say in the decision.") NONE,
    @Description("Influences the decision.") INFLUENCER,
    @Description("Makes or signs the decision.") DECISION_MAKER
}
