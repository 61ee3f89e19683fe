package io.leadproof.evidence.read;

/**
 * The feature parts of {@link SignalCountSql} over its judged cohort {@code g} (one row per lead: moment, traits as of
 * the moment, campaign, channel, {@code in_a}). Every part is a {@code group by}; the rows come out as
 * {@code (kind, dim, val, a, b, rn, nd, ka, kb, lo, hi, fa, fb, ids, ms)}:
 * <ul>
 *   <li>{@code n}: the group sizes;</li>
 *   <li>{@code c}: a value of a categorical dimension with its counts, its rank by count (ties by value), the number of
 *   distinct values and the known totals; only the ranked head of long-tailed dimensions;</li>
 *   <li>{@code q}: a quantile bin of a number dimension (cuts from {@code percentile_disc} over both groups, equal cuts
 *   merged): observed min and max, bin number, number of bins, known totals;</li>
 *   <li>{@code k}: a custom attribute key typed over the cohort: NUMBER / BOOLEAN / TEXT, multi-valued, leads with a value;</li>
 *   <li>{@code b}: an activity type × stage with the leads per facet (BehaviourFacet order) in each group;</li>
 *   <li>{@code d}: a group's lead ids with their moments (epoch microseconds).</li>
 * </ul>
 * Parameters, in order: workspace and first-call window (seconds) for the signals, workspace for the activities, the
 * quantile fractions.
 */
final class SignalFeatureSql {
    /** Java's String.strip() whitespace, as the tally trims text. */
    private static final String WS = "E' \\t\\n\\r\\f\\u000b\\u001c\\u001d\\u001e\\u001f'";
    /** Dimensions with a long tail: ranked, the head listed. */
    static final String LONG_TAILED = "('JOB_TITLE', 'INDUSTRY', 'COUNTRY', 'EMAIL_DOMAIN', 'campaign')";

    /** The behaviour facets per activity type × stage over {@code g} (one parameter: the workspace). */
    private static final String BEHAVIOUR = ", act as (select g.in_a, x.type, x.funnel_stage, x.n, x.age from g cross join lateral"
            + " (select a.type, a.funnel_stage, count(*) as n,"
            + " floor(extract(epoch from g.moment)) - floor(extract(epoch from max(a.occurred_at))) as age"
            + " from activity a where a.workspace_id = ? and a.lead_id = g.lead_id and a.occurred_at <= g.moment"
            + " group by a.type, a.funnel_stage) x)"
            + ", beh as (select type, funnel_stage, array[" + facets("in_a") + "] as fa, array["
            + facets("not in_a") + "] as fb from act group by type, funnel_stage)";
    private static final String BEHAVIOUR_ROWS = " union all select 'b', type, funnel_stage, null, null, null, null, null, null,"
            + " null, null, fa, fb, null, null from beh";

    /** The behaviour half alone: its b rows (the other half counts everything else). */
    static void appendBehaviour(StringBuilder sql) {
        sql.append(BEHAVIOUR).append(" select 'b' as kind, type as dim, funnel_stage as val, null::bigint as a,")
                .append(" null::bigint as b, null::bigint as rn, null::bigint as nd, null::numeric as ka, null::numeric as kb,")
                .append(" null::float8 as lo, null::float8 as hi, fa, fb, null::uuid[] as ids, null::bigint[] as ms from beh");
    }

    private SignalFeatureSql() {
    }

    private static String text(String column) {
        return "nullif(lower(btrim(" + column + ", " + WS + ")), '')";
    }

    /** Every part over {@code g}, the behaviour facets only when {@code behaviour}. */
    static void append(StringBuilder sql, int bins, int limit, boolean behaviour) {
        sql.append(", ce as (").append(customEntries("g", "lead_id", "in_a")).append(")")
                .append(", ck as (select key, coalesce(bool_and(not is_list and (norm is null or (num is not null and not is_bool))),")
                .append(" false) and count(num) > 0 as is_number, bool_and(is_list or norm is null or is_bool) as all_bool,")
                .append(" coalesce(bool_or(list_n > 1), false) as multi,")
                .append(" count(*) filter (where grp and (norm is not null or list_n > 0)) as ka,")
                .append(" count(*) filter (where not grp and (norm is not null or list_n > 0)) as kb from ce group by key)")
                .append(", cv as (select v.dim, v.val, g.in_a from g cross join lateral ").append(traitValues("g"))
                .append(" union all select 'custom:' || ce.key, ce.norm, ce.grp from ce join ck using (key)")
                .append(" where not ck.is_number and not ce.is_list and ce.norm is not null")
                .append(" union all ").append(listElements("ce.grp")).append(" from ce join ck using (key)")
                .append(" cross join lateral jsonb_array_elements(ce.value) x where ce.is_list and evidence_custom_text(x) is not null")
                .append(" union all select distinct on (g.lead_id, s.code) 'first-call', s.code, g.in_a from g join handoff_touch_signal s")
                .append(" on s.workspace_id = ? and s.handoff_id = g.handoff_id and s.logged_at >= g.handed_off_at")
                .append(" and s.logged_at <= g.handed_off_at + make_interval(secs => ?))")
                .append(", cc as (select dim, val, count(*) filter (where in_a) as a, count(*) filter (where not in_a) as b")
                .append(" from cv group by dim, val)")
                .append(", cr as (select cc.*, row_number() over (partition by dim order by a + b desc, val collate \"C\") as rn,")
                .append(" count(*) over (partition by dim) as nd, sum(a) over (partition by dim) as ka,")
                .append(" sum(b) over (partition by dim) as kb from cc)")
                .append(behaviour ? BEHAVIOUR : "")
                .append(", nv as (select v.dim, v.x, g.in_a from g cross join lateral ").append(numberValues("g"))
                .append(" union all select 'custom:' || ce.key, ce.num, ce.grp from ce join ck using (key)")
                .append(" where ck.is_number and ce.num is not null)")
                .append(", q0 as (select dim, percentile_disc(?::float8[]) within group (order by x) || max(x) as cuts from nv group by dim)")
                .append(", q1 as materialized (select dim, array(select distinct -u from unnest(cuts) u order by 1) as negated from q0)")
                // bin = 1 + the cuts below x = 1 + cuts - the negated cuts at or below -x (width_bucket over sorted bounds)
                .append(", nb as (select nv.dim, nv.x, nv.in_a, cardinality(q1.negated) as nbins,")
                .append(" cardinality(q1.negated) - width_bucket(-nv.x, q1.negated) + 1 as bin from nv join q1 using (dim))")
                .append(", nr as (select dim, bin, max(nbins) as nbins, min(x) as lo, max(x) as hi, count(*) filter (where in_a) as a,")
                .append(" count(*) filter (where not in_a) as b from nb group by dim, bin)")
                .append(" select 'n' as kind, null::text as dim, null::text as val, count(*) filter (where in_a) as a,")
                .append(" count(*) filter (where not in_a) as b, null::bigint as rn, null::bigint as nd, null::numeric as ka,")
                .append(" null::numeric as kb, null::float8 as lo, null::float8 as hi, null::bigint[] as fa, null::bigint[] as fb,")
                .append(" null::uuid[] as ids, null::bigint[] as ms from g")
                .append(" union all select 'c', dim, val, a, b, rn, nd, ka, kb, null, null, null, null, null, null from cr")
                .append(" where rn <= ").append(limit).append(" or dim not in ").append(LONG_TAILED)
                .append(" and not (dim like 'custom:%' and rn > ").append(limit).append(")")
                .append(" union all select 'q', dim, null, a, b, bin, nbins, sum(a) over (partition by dim), sum(b) over (partition by dim),")
                .append(" lo, hi, null, null, null, null from nr")
                .append(" union all select 'k', 'custom:' || key, case when is_number then 'NUMBER' when all_bool then 'BOOLEAN'")
                .append(" else 'TEXT' end, ka, kb, case when multi then 1 else 0 end, null, null, null, null, null, null, null, null, null from ck")
                .append(behaviour ? BEHAVIOUR_ROWS : "")
                .append(" union all select 'd', case when in_a then 'A' else 'B' end, null, null, null, null, null, null, null, null, null,")
                .append(" null, null, array_agg(lead_id), array_agg((extract(epoch from moment) * 1000000)::bigint) from g group by in_a");
        if (bins < 2) {
            throw new IllegalArgumentException("at least two bins, not " + bins);
        }
    }

    /**
     * The custom attribute entries of the rows of {@code g} as the tally types and counts them: the row's key and
     * group (as row_key and grp), key, value, whether a list, its text, its number, whether boolean, distinct list texts.
     */
    static String customEntries(String g, String rowKey, String group) {
        return "select " + g + "." + rowKey + " as row_key, " + g + "." + group + " as grp, e.key, e.value,"
                + " jsonb_typeof(e.value) = 'array' as is_list, evidence_custom_text(e.value) as norm,"
                + " evidence_custom_number(e.value) as num,"
                + " jsonb_typeof(e.value) = 'boolean' or evidence_custom_text(e.value) in ('true', 'false') as is_bool,"
                + " case when jsonb_typeof(e.value) = 'array' then (select count(distinct evidence_custom_text(x))"
                + " from jsonb_array_elements(e.value) x) end as list_n"
                + " from " + g + " cross join lateral jsonb_each(case when jsonb_typeof(" + g + ".custom_attributes) = 'object'"
                + " then " + g + ".custom_attributes else '{}'::jsonb end) e";
    }

    /** The elements of a list attribute of {@code ce} (over jsonb_array_elements x), once per row, key and text. */
    static String listElements(String group) {
        return "select distinct on (ce.row_key, ce.key, evidence_custom_text(x)) 'custom:' || ce.key, evidence_custom_text(x), " + group;
    }

    /** The categorical values of a row of {@code g} as (dim, val), null when unknown; custom attributes apart. */
    static String traitValues(String g) {
        return "(values ('SENIORITY', nullif(" + g + ".seniority, 'UNKNOWN')), ('BUDGET_STATUS', nullif(" + g + ".budget_status, 'UNKNOWN')),"
                + " ('AUTHORITY', nullif(" + g + ".authority, 'UNKNOWN')), ('NEED', nullif(" + g + ".need, 'UNKNOWN')),"
                + " ('TIMELINE', nullif(" + g + ".timeline, 'UNKNOWN')), ('JOB_TITLE', " + text(g + ".job_title") + "),"
                + " ('INDUSTRY', " + text(g + ".industry") + "), ('COUNTRY', " + text(g + ".country") + "),"
                + " ('EMAIL_DOMAIN', " + text("reverse(split_part(reverse(" + g + ".email_normalized), '@', 1))") + "),"
                + " ('campaign', nullif(btrim(" + g + ".campaign, " + WS + "), '')), ('source', " + g + ".source),"
                + " ('channel', " + g + ".channel)) v(dim, val) where v.val is not null";
    }

    /** The number traits of a row of {@code g} as (dim, x), null when unknown. */
    static String numberValues(String g) {
        return "(values ('ANNUAL_REVENUE', " + g + ".annual_revenue::float8), ('EMPLOYEE_COUNT', " + g + ".employee_count::float8),"
                + " ('BUDGET_AMOUNT', " + g + ".budget_amount::float8)) v(dim, x) where v.x is not null";
    }

    /** The leads of the group showing each facet: any, exactly 1, 2–4, 5 or more, within 7 and within 30 days. */
    private static String facets(String group) {
        String w = "count(*) filter (where " + group + " and ";
        return w + "n >= 1), " + w + "n = 1), " + w + "n between 2 and 4), " + w + "n >= 5), " + w + "age <= 604800), "
                + w + "age <= 2592000)";
    }
}
