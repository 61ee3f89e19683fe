package io.leadproof.evidence.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Which exact test produced a p-value.")
public enum ExactTestUsed {
    @Description("Boschloo's unconditional exact test (groups up to about 50 each).") BOSCHLOO,
    @Description("Fisher's exact test (larger groups).") FISHER
}
