package io.leadproof.bench.engine;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.EngagementRule;
import io.leadproof.scoring.engine.FitRule;
import io.leadproof.scoring.engine.KnockoutRule;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.Predicate;
import io.leadproof.scoring.engine.Rule;
import io.leadproof.scoring.engine.Thresholds;

import java.time.Duration;
import java.util.List;

/** A realistic, busy version: 14 fit, 10 engagement (4 decaying) and 6 knock-out rules. */
final class ThirtyRuleVersion {
    private ThirtyRuleVersion() {
    }

    static CriteriaVersionSpec spec() {
        Duration d90 = Duration.ofDays(90);
        Duration d30 = Duration.ofDays(30);
        List<Rule> rules = List.of(
                fit("c-level", LeadField.SENIORITY, Operator.EQUALS, 10, "C_LEVEL"),
                fit("vp-director", LeadField.SENIORITY, Operator.IN, 5, "VP", "DIRECTOR"),
                fit("budget-approved", LeadField.BUDGET_STATUS, Operator.EQUALS, 15, "APPROVED"),
                fit("budget-planned", LeadField.BUDGET_STATUS, Operator.EQUALS, 5, "PLANNED"),
                fit("decision-maker", LeadField.AUTHORITY, Operator.EQUALS, 10, "DECISION_MAKER"),
                fit("strong-need", LeadField.NEED, Operator.IN, 5, "HIGH", "MEDIUM"),
                fit("buying-soon", LeadField.TIMELINE, Operator.IN, 8, "IMMEDIATE", "WITHIN_3_MONTHS"),
                fit("mid-market", LeadField.EMPLOYEE_COUNT, Operator.BETWEEN, 7, "50", "1000"),
                fit("revenue-10m", LeadField.ANNUAL_REVENUE, Operator.GREATER_OR_EQUAL, 6, "10000000"),
                fit("target-industry", LeadField.INDUSTRY, Operator.IN, 5, "saas", "software", "fintech",
                        "insurance", "banking", "healthcare", "logistics", "retail", "telecom", "media"),
                fit("technical-title", LeadField.JOB_TITLE, Operator.CONTAINS, 3, "engineer", "developer", "architect"),
                fit("free-mail", LeadField.EMAIL_DOMAIN, Operator.IN, -10, "gmail.com", "yahoo.com", "hotmail.com", "outlook.com"),
                fit("bought-list", LeadField.SOURCE, Operator.EQUALS, -5, "LIST_PURCHASE"),
                new FitRule("enterprise-plan", "enterprise-plan", Predicate.custom("plan", Operator.EQUALS, "enterprise"), 4),
                engagement("tofu-ebook", ActivityType.EBOOK_DOWNLOAD, FunnelStage.TOFU, d90, 5, 15, null),
                engagement("webinar-registered", ActivityType.WEBINAR_REGISTERED, null, d90, 5, 10, null),
                engagement("webinar-attended", ActivityType.WEBINAR_ATTENDED, null, d90, 10, 20, Duration.ofDays(30)),
                engagement("pricing-page", ActivityType.PRICING_PAGE_VIEW, null, d30, 10, 20, null),
                engagement("demo", ActivityType.DEMO_REQUESTED, null, d90, 25, 25, null),
                engagement("trial", ActivityType.TRIAL_STARTED, null, d90, 25, 25, null),
                engagement("any-bofu", null, FunnelStage.BOFU, d90, 10, 30, Duration.ofDays(14)),
                engagement("email-click", ActivityType.EMAIL_CLICKED, null, d30, 2, 10, Duration.ofDays(7)),
                engagement("page-view", ActivityType.PAGE_VIEW, null, d30, 1, 10, Duration.ofDays(3)),
                engagement("unsubscribed", ActivityType.UNSUBSCRIBED, null, d90, -10, 10, null),
                knockout("competitor", LeadField.EMAIL_DOMAIN, Operator.IN, "competitor.example", "rival.example"),
                knockout("student", LeadField.SENIORITY, Operator.EQUALS, "STUDENT"),
                knockout("unserved-country", LeadField.COUNTRY, Operator.NOT_IN, "US", "CA", "GB", "DE", "FR", "NL", "AT", "CH"),
                knockout("academic", LeadField.EMAIL_DOMAIN, Operator.ENDS_WITH, ".edu", ".ac.uk"),
                knockout("no-budget", LeadField.BUDGET_STATUS, Operator.EQUALS, "NONE"),
                new KnockoutRule("do-not-contact", "do-not-contact", Predicate.custom("doNotContact", Operator.EQUALS, "true")));
        return new CriteriaVersionSpec("bench-30", rules, new Thresholds(60, 20, 10));
    }

    private static FitRule fit(String key, LeadField field, Operator op, int points, String... values) {
        return new FitRule(key, key, Predicate.of(field, op, values), points);
    }

    private static KnockoutRule knockout(String key, LeadField field, Operator op, String... values) {
        return new KnockoutRule(key, key, Predicate.of(field, op, values));
    }

    private static EngagementRule engagement(String key, ActivityType type, FunnelStage stage, Duration window,
                                             int points, int cap, Duration halfLife) {
        return new EngagementRule(key, key, type, stage, null, window, points, cap, halfLife);
    }
}
