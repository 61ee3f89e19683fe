package io.leadproof.evidence.api;

import org.eclipse.microprofile.graphql.Description;

import io.leadproof.evidence.core.SignalFamily;

@Description("What a signal is about.")
public enum SignalKind {
    @Description("A built-in trait value (enum value, text value or number range, unknown included).") TRAIT,
    @Description("A custom attribute value.") CUSTOM_ATTRIBUTE,
    @Description("Activities of a type and funnel stage before the reference moment.") BEHAVIOUR,
    @Description("The campaign the lead came from.") CAMPAIGN,
    @Description("The lead's acquisition source.") SOURCE,
    @Description("The channel of the lead's campaign.") CHANNEL,
    @Description("A first-call signal code logged within the first-call window.") FIRST_CALL,
    @Description("A rule that contributed to the score frozen at handoff.") RULE;

    public static SignalKind of(SignalFamily family) {
        return valueOf(family.name());
    }
}
