package io.leadproof.scoring.engine;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of a qualification rule.")
public enum RuleKind {
    @Description("A trait of the lead (title, company, budget…) worth points.") FIT,
    @Description("Behaviour of the lead (downloads, visits, requests…) worth points per occurrence.") ENGAGEMENT,
    @Description("A trait that disqualifies the lead whatever its points.") KNOCK_OUT
}
