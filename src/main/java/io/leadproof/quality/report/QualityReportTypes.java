package io.leadproof.quality.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.common.Decimal;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.LeadView;

/** API types of {@code dataQualityReport} (docs/data-quality.md, "Quality you can see"). */
public final class QualityReportTypes {

    private QualityReportTypes() {
    }

    @Type("DataQualityCounts")
    @Description("Data quality of a set of leads: how many are SUSPECT, INVALID or duplicates, and how many of their activities the bot check flagged.")
    public record Counts(
            @Description("Leads counted.") int leads,
            @Description("Leads whose data-quality status is SUSPECT.") int suspect,
            @Description("Leads whose data-quality status is INVALID.") int invalid,
            @Description("Leads with a DUPLICATE finding.") int duplicates,
            @Description("Share of SUSPECT leads: suspect / leads, 4 places; null without leads.") Decimal suspectShare,
            @Description("Share of INVALID leads: invalid / leads, 4 places; null without leads.") Decimal invalidShare,
            @Description("Share of duplicates: duplicates / leads, 4 places; null without leads.") Decimal duplicateShare,
            @Description("Activities of these leads.") int activities,
            @Description("Of them, activities the bot check flagged (excluded from scoring).") int botFlaggedActivities,
            @Description("Share of bot-flagged activities: botFlaggedActivities / activities, 4 places; null without activities.") Decimal botFlaggedShare) {

        static Counts of(QualityReportSql.Counts c) {
            return new Counts(Math.toIntExact(c.leads()), Math.toIntExact(c.suspect()), Math.toIntExact(c.invalid()),
                    Math.toIntExact(c.duplicates()), ratio(c.suspect(), c.leads()), ratio(c.invalid(), c.leads()),
                    ratio(c.duplicates(), c.leads()), Math.toIntExact(c.activities()), Math.toIntExact(c.botActivities()),
                    ratio(c.botActivities(), c.activities()));
        }

        static Decimal ratio(long numerator, long denominator) {
            return denominator == 0 ? null : Decimal.of(BigDecimal.valueOf(numerator)
                    .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN));
        }
    }

    @Type("DataQualityCheckCount")
    @Description("How many leads of the cohort one check flagged, with examples.")
    public record CheckCount(
            @NonNull @Description("The check's code, e.g. EMAIL_DISPOSABLE, EMAIL_BOUNCED, DUPLICATE, BOT_ACTIVITY, FREE_MAIL.") String code,
            @Description("Leads with this finding.") int leads,
            @NonNull @Description("Up to " + QualityReportSql.EXAMPLES + " of those leads.") List<@NonNull LeadView> examples) {
    }

    @Type("DataQualityCampaign")
    @Description("Data quality of the cohort's leads of one campaign.")
    public record CampaignQuality(
            @Description("The campaign; null when it is no campaign of this workspace any more.") CampaignView campaign,
            @NonNull @Description("Its leads' data quality.") Counts quality) {
    }

    @Type("DataQualitySource")
    @Description("Data quality of the cohort's leads of one acquisition source.")
    public record SourceQuality(
            @NonNull @Description("The source.") LeadSource source,
            @NonNull @Description("Its leads' data quality.") Counts quality) {
    }

    @Type("DataQualityMisses")
    @Description("Leads sales rejected for bad data (reasons " + "BAD_CONTACT_DATA, SPAM_OR_BOT" + "): each one whose stored "
            + "data-quality status is VALID is a miss of the checks.")
    public record Misses(
            @Description("Cohort leads with a handoff rejected for one of those reasons.") int rejectedForBadData,
            @Description("Of them, leads the checks passed (status VALID): misses of the checks.") int missedByChecks,
            @Description("Share of misses: missedByChecks / rejectedForBadData, 4 places; null without such rejections.") Decimal missShare,
            @NonNull @Description("Up to " + QualityReportSql.EXAMPLES + " missed leads.") List<@NonNull LeadView> examples) {
    }

    @Type("DataQualityReport")
    @Description("Data quality of the leads created in a window: counts per check, the worst campaigns and sources, "
            + "examples, and what the checks missed (docs/data-quality.md).")
    public record Report(
            @NonNull @Description("The whole cohort.") Counts total,
            @NonNull @Description("Leads per finding, most frequent first.") List<@NonNull CheckCount> checks,
            @NonNull @Description("Up to " + QualityReportSql.WORST + " campaigns with the largest share of SUSPECT or INVALID leads.")
            List<@NonNull CampaignQuality> worstCampaigns,
            @NonNull @Description("Up to " + QualityReportSql.WORST + " sources with the largest share of SUSPECT or INVALID leads.")
            List<@NonNull SourceQuality> worstSources,
            @NonNull @Description("Rejections for bad data the checks did not foresee.") Misses misses) {
    }
}
