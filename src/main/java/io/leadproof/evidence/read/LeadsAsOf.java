package io.leadproof.evidence.read;

/**
 * The lead's traits as of its reference moment from the trait history ({@code lead_trait_revision}, written only by
 * the trigger of R__evidence_history_trait_revisions.sql), as a lateral subquery over the lead {@code l} and the
 * moment {@code m.moment}, and its data-quality verdict as of the same moment; the one place the cohort reads traits
 * and verdicts. Set-based: one index descent per lead for each.
 */
final class LeadsAsOf {

    static final String TRAIT_COLUMNS = "t.email_normalized, t.company_domain, t.company_name, t.annual_revenue,"
            + " t.employee_count, t.industry, t.job_title, t.seniority, t.country, t.source, t.budget_status, t.budget_amount,"
            + " t.authority, t.need, t.timeline, t.custom_attributes::text";

    private static final String REVISION_COLUMNS = "r.email_normalized, r.company_domain, r.company_name, r.annual_revenue,"
            + " r.employee_count, r.industry, r.job_title, r.seniority, r.country, r.source, r.budget_status, r.budget_amount,"
            + " r.authority, r.need, r.timeline, r.custom_attributes, r.campaign_id";

    /**
     * The latest revision observed at or before the moment (ties by revision id); for a moment before the first
     * revision (a lead whose first stated values were observed after it was created), the first revision: what was
     * known earliest. One descent of lead_trait_revision_as_of each; the second branch runs only when the first is empty.
     */
    static final String TRAITS_AT_MOMENT = "(select " + REVISION_COLUMNS + " from lead_trait_revision r"
            + " where r.workspace_id = l.workspace_id and r.lead_id = l.id and r.observed_at <= m.moment"
            + " order by r.observed_at desc, r.id desc limit 1)"
            + " union all (select " + REVISION_COLUMNS + " from lead_trait_revision r"
            + " where r.workspace_id = l.workspace_id and r.lead_id = l.id order by r.observed_at, r.id limit 1) limit 1";

    /** The verdict column beside the traits: "STATUS:CODE,CODE" of {@link #VERDICT_AT_MOMENT}, null when not judged then. */
    static final String VERDICT_COLUMN = "qv.status || ':' || array_to_string(qv.codes, ',')";

    /**
     * The data-quality verdict as of the moment from the verdict history ({@code lead_quality_revision}, written only by
     * the trigger of R__evidence_history_quality_revisions.sql): the latest revision valid at or before the moment, as a
     * left lateral join {@code qv} over {@code l} and {@code m.moment}. No fallback to a later verdict (unlike the traits'
     * first revision): a verdict given after the moment may rest on facts that came later (a bounce, a bot burst, a new
     * duplicate), so before a lead's first revision it reads as not judged. One index-only descent per lead.
     */
    static final String VERDICT_AT_MOMENT = " left join lateral (select q.status, q.codes from lead_quality_revision q"
            + " where q.workspace_id = l.workspace_id and q.lead_id = l.id and q.valid_from <= m.moment"
            + " order by q.valid_from desc, q.id desc limit 1) qv on true";
    /**
     * The lead {@code l} of the handoff {@code h} as the lookups above use it: its workspace and id, taken from the
     * handoff (its foreign key to lead names exactly one row) unless the lead's own columns are needed
     * ({@code created_at} for a moment counted from creation), which joins the lead. One lead_pkey descent per
     * handoff saved.
     */
    static String lead(boolean createdAt) {
        return createdAt ? " join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id"
                : " cross join lateral (select h.workspace_id, h.lead_id as id) l";
    }

    private LeadsAsOf() {
    }
}
