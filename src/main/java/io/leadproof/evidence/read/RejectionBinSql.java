package io.leadproof.evidence.read;

/**
 * The quantile bins of {@link RejectionCountSql}, per reason, equal to {@code percentile_disc} over the reason's
 * rejections and the accepted handoffs together (as {@link SignalFeatureSql} bins one comparison) without copying the
 * accepted values for every reason: the accepted values of a dimension are one sorted array {@code xs}; the k-th value
 * of a comparison is the least, over the reason's i-th value (i = 0..n, the 0th none), of the greater of it and the
 * accepted (k - i)-th; the accepted values at or below a cut are counted by binary search ({@code width_bucket} over
 * xs). Reads {@code d}, {@code ce}, {@code ck} and {@code rs}; the quantile fractions are its one parameter; defines
 * {@code nbin (p, dim, bin, nbins, a, b, lo, hi)}.
 */
final class RejectionBinSql {

    private RejectionBinSql() {
    }

    static void append(StringBuilder sql) {
        sql.append(", nv as (select v.dim, v.x, d.k, null::text as tkey from d cross join lateral ")
                .append(SignalFeatureSql.numberValues("d"))
                .append(" union all select 'custom:' || ce.key, ce.num, ce.grp, ce.key from ce where ce.num is not null)")
                // a custom number counts where the comparison types its key as a number
                .append(", nr0 as (select nv.k as p, nv.dim, nv.x from nv left join ck on ck.p = nv.k and ck.key = nv.tkey")
                .append(" where nv.k is not null and (nv.tkey is null or ck.is_number))")
                .append(", aa as materialized (select dim, min(tkey) as tkey, array_agg(x order by x) as xs, count(*) as n")
                .append(" from nv where k is null group by dim)")
                .append(", pa as (select p.p, aa.dim, aa.n from rs p cross join aa left join ck on ck.p = p.p and ck.key = aa.tkey")
                .append(" where aa.tkey is null or ck.is_number)")
                .append(", pn as materialized (select coalesce(r.p, a.p) as p, coalesce(r.dim, a.dim) as dim, coalesce(r.n, 0) as nr,")
                .append(" coalesce(a.n, 0) as na, r.mx from (select p, dim, count(*) as n, max(x) as mx from nr0 group by p, dim) r")
                .append(" full join pa a on a.p = r.p and a.dim = r.dim)")
                .append(", ri as (select p, dim, x, row_number() over (partition by p, dim order by x) as i from nr0")
                .append(" union all select p, dim, null, 0 from pn)")
                // percentile_disc's row: the least k with k / n at or above the fraction, at least 1
                .append(", tg as (select pn.p, pn.dim, pn.na, f.ord, greatest(1, ceil(f.f * (pn.nr + pn.na)::float8))::bigint as kk")
                .append(" from pn cross join unnest(?::float8[]) with ordinality f(f, ord))")
                .append(", cut as (select tg.p, tg.dim, tg.ord, min(greatest(ri.x, aa.xs[tg.kk - ri.i])) as c from tg")
                .append(" join ri on ri.p = tg.p and ri.dim = tg.dim left join aa on tg.na > 0 and aa.dim = tg.dim")
                .append(" where ri.i <= tg.kk and tg.kk - ri.i <= tg.na group by tg.p, tg.dim, tg.ord)")
                .append(", q1 as materialized (select pn.p, pn.dim, pn.na, array(select distinct -u from unnest(q0.cuts")
                .append(" || greatest(pn.mx, (select aa.xs[aa.n] from aa where pn.na > 0 and aa.dim = pn.dim))) u order by 1) as negated")
                .append(" from pn join (select p, dim, array_agg(c order by ord) as cuts from cut group by p, dim) q0")
                .append(" on q0.p = pn.p and q0.dim = pn.dim)")
                .append(", br as (select nr0.p, nr0.dim, cardinality(q1.negated) - width_bucket(-nr0.x, q1.negated) + 1 as bin,")
                .append(" count(*) as a, min(nr0.x) as lo, max(nr0.x) as hi from nr0 join q1 on q1.p = nr0.p and q1.dim = nr0.dim")
                .append(" group by 1, 2, 3)")
                // bin j holds the values above cut j - 1 up to cut j; cut j = -negated[m - j + 1]
                .append(", ba as (select q1.p, q1.dim, j.bin, cardinality(q1.negated) as nbins, aa.xs,")
                .append(" coalesce(width_bucket(-q1.negated[cardinality(q1.negated) - j.bin + 1], aa.xs), 0) as upto,")
                .append(" case when j.bin = 1 then 0 else coalesce(width_bucket(-q1.negated[cardinality(q1.negated) - j.bin + 2],")
                .append(" aa.xs), 0) end as below from q1 cross join generate_series(1, cardinality(q1.negated)) j(bin)")
                .append(" left join aa on q1.na > 0 and aa.dim = q1.dim)")
                .append(", nbin as (select ba.p, ba.dim, ba.bin, ba.nbins, coalesce(br.a, 0) as a, ba.upto - ba.below as b,")
                .append(" least(br.lo, case when ba.upto > ba.below then ba.xs[ba.below + 1] end) as lo,")
                .append(" greatest(br.hi, case when ba.upto > ba.below then ba.xs[ba.upto] end) as hi")
                .append(" from ba left join br on br.p = ba.p and br.dim = ba.dim and br.bin = ba.bin")
                .append(" where coalesce(br.a, 0) + ba.upto - ba.below > 0)");
    }
}
