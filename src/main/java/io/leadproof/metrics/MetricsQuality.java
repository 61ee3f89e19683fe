package io.leadproof.metrics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Decimal;

@Type("MetricsQuality")
@Description("Data quality of the cohort (docs/data-quality.md): the stored verdict of each lead (a lead never judged counts "
        + "as VALID) and the bot check's flags on the cohort's activities. Shares are of the cohort's leads (activities for "
        + "botActivityShare), 4 places half-even, null when the denominator is 0.")
public record MetricsQuality(
        @Description("Leads whose contact data is INVALID (bad, bounced, disposable or test email).") int invalid,
        @Description("Share of INVALID leads: invalid / leads.") Decimal invalidShare,
        @Description("Leads whose contact data is SUSPECT.") int suspect,
        @Description("Share of SUSPECT leads: suspect / leads.") Decimal suspectShare,
        @Description("Leads flagged as a duplicate of another lead (a DUPLICATE finding).") int duplicates,
        @Description("Share of duplicate leads: duplicates / leads.") Decimal duplicateShare,
        @Description("Activities of the cohort's leads, whenever they happened.") int activities,
        @Description("Of them, activities the bot check flagged (excluded from scoring).") int botActivities,
        @Description("Share of bot-flagged activities: botActivities / activities.") Decimal botActivityShare) {

    static MetricsQuality of(long leads, long invalid, long suspect, long duplicates, long activities, long bots) {
        return new MetricsQuality(Math.toIntExact(invalid), MetricsBundle.ratio(invalid, leads), Math.toIntExact(suspect),
                MetricsBundle.ratio(suspect, leads), Math.toIntExact(duplicates), MetricsBundle.ratio(duplicates, leads),
                Math.toIntExact(activities), Math.toIntExact(bots), MetricsBundle.ratio(bots, activities));
    }
}
