package io.leadproof.evidence.read;

/**
 * The feature parts of the counting statements ({@link SignalCountSql}, {@link RejectionPartSql}): the values of a
 * row's traits, custom attributes and numbers, and the rows every part returns for them — counts that add up over
 * parts, per group {@code p} of the statement (never ranks, cuts or typing, which need the whole cohort and are
 * {@link RejectionTally}'s). Rows {@code (kind, p, dim, val, n, n2, rn, tkey, f1, f2, f3, x, t, leads, hids, ords,
 * labels, xs)}, of which this class writes three kinds:
 * <ul>
 *   <li>{@code v}: a categorical value (dim, val) of the group with its count n; tkey the custom key of a scalar custom
 *   value (it counts only where the comparison types the key as text);</li>
 *   <li>{@code y}: a custom key (dim) of the group: n values with a number, n2 with a value; f1 all of them numbers or
 *   unknown, f2 all booleans, lists or unknown, f3 a list with more than one value;</li>
 *   <li>{@code x}: the numbers of dimension dim in the group, distinct and ascending (xs) with their counts (ords; tkey
 *   the custom key of a custom number): one row per dimension, not per value.</li>
 * </ul>
 */
final class SignalFeatureSql {
    /** Java's String.strip() whitespace, as the tally trims text. */
    private static final String WS = "E' \\t\\n\\r\\f\\u000b\\u001c\\u001d\\u001e\\u001f'";
    /** A row's columns after {@code x} when it names no hits, leads or numbers. */
    static final String NO_HITS = "null::timestamptz, null::uuid[], null::uuid[], null::bigint[], null::text[], null::float8[]";

    private SignalFeatureSql() {
    }

    /**
     * The CTEs {@code ce} (custom entries), {@code cv} (categorical values, then {@code moreValues}: a
     * {@code union all} of further (dim, val, grp, tkey) rows) and {@code nv} (numbers) over the rows {@code rows},
     * each row keyed by its column {@code rowKey} and grouped by its column {@code group}.
     */
    static String values(String rows, String rowKey, String group, String moreValues) {
        return ", ce as (" + customEntries(rows, rowKey, group) + ")"
                + ", cv as (select v.dim, v.val, " + rows + "." + group + " as grp, null::text as tkey from " + rows
                + " cross join lateral " + traitValues(rows)
                + " union all select 'custom:' || ce.key, ce.norm, ce.grp, ce.key from ce where not ce.is_list and ce.norm is not null"
                + " union all " + listElements("ce.grp, null::text")
                + " from ce cross join lateral jsonb_array_elements(ce.value) x where ce.is_list and evidence_custom_text(x) is not null"
                + moreValues + ")"
                + ", nv as (select v.dim, v.x, " + rows + "." + group + " as grp, null::text as tkey from " + rows
                + " cross join lateral " + numberValues(rows)
                + " union all select 'custom:' || ce.key, ce.num, ce.grp, ce.key from ce where ce.num is not null)";
    }

    /** The v, y and x rows over the CTEs of {@link #values}. */
    static String valueRows() {
        return "select 'v' as kind, grp as p, dim, val, count(*) as n, null::bigint as n2, null::int as rn, tkey,"
                + " null::boolean as f1, null::boolean as f2, null::boolean as f3, null::float8 as x,"
                + " null::timestamptz as t, null::uuid[] as leads, null::uuid[] as hids, null::bigint[] as ords,"
                + " null::text[] as labels, null::float8[] as xs from cv group by grp, dim, val, tkey"
                + " union all select 'y', grp, key, null, count(num), count(*) filter (where norm is not null or list_n > 0),"
                + " null, null, bool_and(not is_list and (norm is null or (num is not null and not is_bool))),"
                + " bool_and(is_list or norm is null or is_bool), bool_or(list_n > 1), null, " + NO_HITS
                + " from ce group by grp, key"
                + " union all select 'x', grp, dim, null, null, null, null, tkey, null, null, null, null, null, null, null,"
                + " array_agg(n order by x), null, array_agg(x order by x) from (select grp, dim, tkey, x, count(*) as n from nv"
                + " group by grp, dim, tkey, x) nx group by grp, dim, tkey";
    }

    private static String text(String column) {
        return "nullif(lower(btrim(" + column + ", " + WS + ")), '')";
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
}
