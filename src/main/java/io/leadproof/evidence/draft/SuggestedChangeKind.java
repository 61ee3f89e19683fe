package io.leadproof.evidence.draft;

import org.eclipse.microprofile.graphql.Description;

@Description("What a suggested draft changed about a rule.")
public enum SuggestedChangeKind {
    @Description("A new FIT, ENGAGEMENT or KNOCK_OUT rule.") ADD_RULE,
    @Description("Fewer points for an existing rule over-represented in rejections.") CHANGE_POINTS
}
