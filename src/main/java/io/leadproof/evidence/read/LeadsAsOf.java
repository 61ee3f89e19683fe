package io.leadproof.evidence.read;

/**
 * The lead's traits as of its reference moment, as a lateral subquery over the lead {@code l} and the moment
 * {@code m.moment}; the one place the cohort reads traits.
 */
final class LeadsAsOf {

    static final String TRAIT_COLUMNS = "t.email_normalized, t.company_domain, t.company_name, t.annual_revenue,"
            + " t.employee_count, t.industry, t.job_title, t.seniority, t.country, t.source, t.budget_status, t.budget_amount,"
            + " t.authority, t.need, t.timeline, t.custom_attributes::text";

    static final String TRAITS_AT_MOMENT = "select l.email_normalized, l.company_domain, l.company_name, l.annual_revenue,"
            + " l.employee_count, l.industry, l.job_title, l.seniority, l.country, l.source, l.budget_status, l.budget_amount,"
            + " l.authority, l.need, l.timeline, l.custom_attributes, l.campaign_id";

    private LeadsAsOf() {
    }
}
