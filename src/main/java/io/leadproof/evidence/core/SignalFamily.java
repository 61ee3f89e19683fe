package io.leadproof.evidence.core;

/** The kinds of facts a signal can be about. */
public enum SignalFamily {
    /** A built-in trait value (enum value, text value or number range, "unknown" included). */
    TRAIT,
    /** A custom attribute value, typed on the fly as number, boolean or text. */
    CUSTOM_ATTRIBUTE,
    /** Activities of a type and funnel stage before the reference moment: any, count band, recency. */
    BEHAVIOUR,
    /** The campaign the lead came from. */
    CAMPAIGN,
    /** The lead's acquisition source. */
    SOURCE,
    /** The channel of the lead's campaign. */
    CHANNEL,
    /** A first-call signal code logged within the first-call window. */
    FIRST_CALL,
    /** A rule of the criteria version contributed to the score frozen at handoff. */
    RULE
}
