package io.leadproof.scoring.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

import java.time.Duration;
import java.util.List;

import static io.leadproof.scoring.engine.LeadField.AUTHORITY;
import static io.leadproof.scoring.engine.LeadField.BUDGET_STATUS;
import static io.leadproof.scoring.engine.LeadField.DATA_QUALITY;
import static io.leadproof.scoring.engine.LeadField.EMAIL_DOMAIN;
import static io.leadproof.scoring.engine.LeadField.SENIORITY;
import static io.leadproof.scoring.engine.Operator.EQUALS;
import static io.leadproof.scoring.engine.Operator.IN;

/**
 * The criteria a new workspace starts with: the classic BANT-plus-behaviour model, MQL at 50.
 * A C-level decision maker with approved budget (35) still needs some engagement to qualify, and
 * two bottom-of-funnel offers (40) need some fit.
 */
public final class DefaultCriteria {
    public static final String VERSION_ID = "default";
    public static final int MQL_THRESHOLD = 50;
    /** Example domains only: each workspace replaces them with its real competitors. */
    public static final List<String> COMPETITOR_DOMAINS = List.of("competitor.example", "rival.example");

    private static final Duration NINETY_DAYS = Duration.ofDays(90);
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private DefaultCriteria() {
    }

    public static CriteriaVersionSpec spec() {
        return spec(VERSION_ID);
    }

    /**
     * Knock-out of leads whose contact data is INVALID (bounced, disposable, test or malformed email); part of
     * {@link #spec}. RFC 2606 addresses ({@code x@acme.example}) are INVALID test values: the demo and the test
     * fixtures that qualify leads use other domains (docs/data-quality.md, "Criteria on data quality").
     */
    public static KnockoutRule invalidContactData() {
        return new KnockoutRule("invalid-contact-data", "Invalid contact data (bounced, disposable, test or malformed email)",
                Predicate.of(DATA_QUALITY, EQUALS, "INVALID"));
    }

    public static CriteriaVersionSpec spec(String versionId) {
        return new CriteriaVersionSpec(versionId, List.of(
                new FitRule("c-level-title", "C-level title",
                        Predicate.of(SENIORITY, EQUALS, "C_LEVEL"), 10),
                new FitRule("vp-or-director-title", "VP or director title",
                        Predicate.of(SENIORITY, IN, "VP", "DIRECTOR"), 5),
                new FitRule("budget-approved", "Budget in place",
                        Predicate.of(BUDGET_STATUS, EQUALS, "APPROVED"), 15),
                new FitRule("decision-maker", "Decision maker",
                        Predicate.of(AUTHORITY, EQUALS, "DECISION_MAKER"), 10),
                new EngagementRule("tofu-ebook", "Top-of-funnel eBook download",
                        ActivityType.EBOOK_DOWNLOAD, FunnelStage.TOFU, null, NINETY_DAYS, 5, 15, null),
                new EngagementRule("bofu-offer", "Bottom-of-funnel offer (demo, trial, contact request…)",
                        null, FunnelStage.BOFU, null, NINETY_DAYS, 20, 40, null),
                new EngagementRule("pricing-page", "Pricing page view",
                        ActivityType.PRICING_PAGE_VIEW, null, null, THIRTY_DAYS, 10, 20, null),
                new EngagementRule("unsubscribed", "Unsubscribed from email",
                        ActivityType.UNSUBSCRIBED, null, null, NINETY_DAYS, -10, 10, null),
                new KnockoutRule("competitor-domain", "Competitor",
                        new Predicate(EMAIL_DOMAIN, null, IN, COMPETITOR_DOMAINS)),
                new KnockoutRule("student", "Student or job seeker",
                        Predicate.of(SENIORITY, EQUALS, "STUDENT")),
                invalidContactData()),
                Thresholds.mql(MQL_THRESHOLD));
    }
}
