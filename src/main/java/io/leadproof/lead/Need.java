package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("BANT need: how strongly the lead needs what is sold.")
public enum Need {
    @Description("Not known yet.") UNKNOWN,
    @Description("No need.") NONE,
    @Description("Nice to have.") LOW,
    @Description("A clear need.") MEDIUM,
    @Description("An urgent, stated pain.") HIGH
}
