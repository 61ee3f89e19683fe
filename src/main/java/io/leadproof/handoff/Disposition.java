package io.leadproof.handoff;

import org.eclipse.microprofile.graphql.Description;

@Description("What happens to a rejected lead.")
public enum Disposition {
    @Description("Back to marketing nurture; it may re-qualify later.") RECYCLED,
    @Description("Out for good.") DISQUALIFIED
}
