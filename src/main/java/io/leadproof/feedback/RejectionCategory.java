package io.leadproof.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("What a rejection says is wrong with the lead; the basis of bad-lead analysis.")
public enum RejectionCategory {
    @Description("No money for a purchase.") BUDGET,
    @Description("Not a person who can decide.") AUTHORITY,
    @Description("No need for what is sold.") NEED,
    @Description("Not now.") TIMING,
    @Description("Not the ideal customer profile (students, competitors, existing customers...).") FIT,
    @Description("Contact data wrong, duplicate, spam or bot.") DATA_QUALITY,
    @Description("Anything else.") OTHER;

    /** The category stored by name; null for none. */
    public static RejectionCategory of(String stored) {
        return stored == null ? null : valueOf(stored);
    }

    /** Bad fit and bad data are out for good; budget, authority, need and timing may change, so those leads go back to nurture. */
    public boolean disqualifiesByDefault() {
        return this == FIT || this == DATA_QUALITY;
    }
}
