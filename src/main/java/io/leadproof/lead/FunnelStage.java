package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("Funnel stage of a piece of content or an offer.")
public enum FunnelStage {
    @Description("Top of funnel: awareness content such as eBooks and blog posts.") TOFU,
    @Description("Middle of funnel: consideration content such as webinars and case studies.") MOFU,
    @Description("Bottom of funnel: decision offers such as demos, trials and pricing.") BOFU
}
