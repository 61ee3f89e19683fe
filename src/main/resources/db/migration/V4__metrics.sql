-- Revenue metrics (docs/metrics.md). Every table is keyed by workspace_id first.
--
-- 1. Fact rows, one per handoff (metrics_handoff) and one per lead (metrics_lead): each lead's funnel facts,
--    pre-joined and narrow. Triggers on lead and handoff recompute the facts of the touched lead inside the
--    writing transaction, from the base tables, so the facts always equal what the base tables say.
-- 2. Daily rollups keyed by the UTC day the lead was created: metrics_daily (unit: a lead; by campaign, source,
--    version, reason), metrics_daily_owner (unit: a lead and one owner of its handoffs), and two workspace-wide
--    rollups for unfiltered reads: metrics_daily_total (unit: a lead; by reason only) and metrics_daily_handoff
--    (unit: a handoff; by 5-point score band, and by response-time bucket). The triggers only INSERT signed delta
--    rows (pending), never update a shared row, so concurrent writers never wait on each other or deadlock here;
--    metrics_compact() folds pending rows into one row per key. Readers sum every row of a key, pending or not,
--    so a read is exact at every snapshot, compacted or not.
-- 3. At query time: SLA breaches of unanswered handoffs (they depend on "now"); exact percentiles (the
--    response-time histogram finds the bucket of the wanted rank, then metrics_handoff the value inside it);
--    the partial UTC days at the edges of a window in another time zone from metrics_lead / metrics_handoff.
--
-- A unit's facts (all 0/1 except revenue), from the handoffs of the unit:
--   handoffs = has a handoff; accepted = has a handoff in ACCEPTED/OPPORTUNITY/WON/LOST (accepted and not
--   rejected later); rejected = has a REJECTED handoff; reject_code/category = those of its latest rejection;
--   sqls = has a handoff in OPPORTUNITY/WON/LOST; won = has a WON handoff; lost = has a LOST one and no WON one;
--   bad = rejected or the lead is DISQUALIFIED; revenue = sum of won amounts; mqls = lead.first_mql_at is set.

create table metrics_handoff (
    workspace_id     text          not null,
    handoff_id       uuid          not null,
    lead_id          uuid          not null,
    lead_created_at  timestamptz   not null,
    day              date          not null,  -- UTC day of lead_created_at
    campaign_id      uuid,
    source           text,
    version_id       uuid,                    -- lead.first_mql_version_id
    mql              smallint      not null,
    disqualified     smallint      not null,
    owner            text,
    score_total      integer       not null,  -- frozen at handoff
    created_at       timestamptz   not null,
    due_at           timestamptz   not null,
    responded_at     timestamptz,             -- first of first_response_at, accepted_at, rejected_at
    response_seconds bigint,
    response_bucket  smallint,                -- metrics_response_bucket(response_seconds)
    accepted         smallint      not null,
    rejected         smallint      not null,
    rejected_at      timestamptz,
    reject_code      text,
    reject_category  text,
    sqls             smallint      not null,
    won              smallint      not null,
    lost             smallint      not null,
    won_amount       numeric(18,2),
    primary key (workspace_id, handoff_id)
);
create index metrics_handoff_by_lead on metrics_handoff (workspace_id, lead_id);
create index metrics_handoff_by_bucket on metrics_handoff (workspace_id, response_bucket, lead_created_at) include (response_seconds)
    where response_bucket is not null;
create index metrics_handoff_unanswered on metrics_handoff (workspace_id, lead_created_at) include (due_at)
    where responded_at is null;
create index metrics_handoff_by_cohort on metrics_handoff (workspace_id, lead_created_at)
    include (owner, campaign_id, source, version_id, score_total, response_seconds, responded_at, due_at, won, won_amount);

create table metrics_lead (
    workspace_id    text        not null,
    lead_id         uuid        not null,
    created_at      timestamptz not null,
    day             date        not null,
    campaign_id     uuid,
    source          text,
    version_id      uuid,
    reject_code     text,
    reject_category text,
    mqls            smallint    not null,
    handoffs        smallint    not null,
    accepted        smallint    not null,
    rejected        smallint    not null,
    bad             smallint    not null,
    sqls            smallint    not null,
    won             smallint    not null,
    lost            smallint    not null,
    revenue         numeric     not null,
    primary key (workspace_id, lead_id)
);
create index metrics_lead_by_cohort on metrics_lead (workspace_id, created_at);

create table metrics_daily (
    workspace_id    text    not null,
    day             date    not null,
    campaign_id     uuid,
    source          text,
    version_id      uuid,
    reject_code     text,
    reject_category text,
    leads           bigint  not null,
    mqls            bigint  not null,
    handoffs        bigint  not null,
    accepted        bigint  not null,
    rejected        bigint  not null,
    bad             bigint  not null,
    sqls            bigint  not null,
    won             bigint  not null,
    lost            bigint  not null,
    revenue         numeric not null,
    pending         boolean not null default true
);
create index metrics_daily_by_day on metrics_daily (workspace_id, day);
create index metrics_daily_pending on metrics_daily (workspace_id, day) where pending;

create table metrics_daily_owner (
    workspace_id    text    not null,
    day             date    not null,
    owner           text,
    campaign_id     uuid,
    source          text,
    version_id      uuid,
    reject_code     text,
    reject_category text,
    leads           bigint  not null,
    mqls            bigint  not null,
    handoffs        bigint  not null,
    accepted        bigint  not null,
    rejected        bigint  not null,
    bad             bigint  not null,
    sqls            bigint  not null,
    won             bigint  not null,
    lost            bigint  not null,
    revenue         numeric not null,
    pending         boolean not null default true
);
create index metrics_daily_owner_by_day on metrics_daily_owner (workspace_id, day, owner);
create index metrics_daily_owner_pending on metrics_daily_owner (workspace_id, day) where pending;

create table metrics_daily_total (
    workspace_id    text    not null,
    day             date    not null,
    reject_code     text,
    reject_category text,
    leads           bigint  not null,
    mqls            bigint  not null,
    handoffs        bigint  not null,
    accepted        bigint  not null,
    rejected        bigint  not null,
    bad             bigint  not null,
    sqls            bigint  not null,
    won             bigint  not null,
    lost            bigint  not null,
    revenue         numeric not null,
    pending         boolean not null default true
);
create index metrics_daily_total_by_day on metrics_daily_total (workspace_id, day);
create index metrics_daily_total_pending on metrics_daily_total (workspace_id, day) where pending;

-- Handoffs of the leads created that day: a row per 5-point score band (band5 set) with counts and won amounts,
-- and a row per response-time bucket (bucket set) with the number of answered handoffs in it.
create table metrics_daily_handoff (
    workspace_id text     not null,
    day          date     not null,
    band5        integer,           -- floor(score_total / 5): the band [5 band5, 5 band5 + 5)
    bucket       smallint,
    handoffs     bigint   not null,
    responded    bigint   not null,
    late         bigint   not null, -- answered after due_at
    won          bigint   not null,
    won_amount   numeric  not null,
    pending      boolean  not null default true,
    check ((band5 is null) <> (bucket is null))
);
create index metrics_daily_handoff_by_day on metrics_daily_handoff (workspace_id, day);
create index metrics_daily_handoff_pending on metrics_daily_handoff (workspace_id, day) where pending;

-- The same two workspace-wide rollups by UTC calendar month (day = the first day of the month), so that a long
-- series reads a dozen rows per month instead of a dozen per day.
create table metrics_monthly_total (like metrics_daily_total including defaults);
create index metrics_monthly_total_by_month on metrics_monthly_total (workspace_id, day);
create index metrics_monthly_total_pending on metrics_monthly_total (workspace_id, day) where pending;
create table metrics_monthly_handoff (like metrics_daily_handoff including defaults including constraints);
create index metrics_monthly_handoff_by_month on metrics_monthly_handoff (workspace_id, day);
create index metrics_monthly_handoff_pending on metrics_monthly_handoff (workspace_id, day) where pending;

-- Buckets of response seconds, about x1.5 wide: only their order matters (a percentile's bucket is found by
-- counting, its value by sorting the bucket's rows), so any increasing thresholds give exact results.
create function metrics_response_bucket(seconds bigint) returns smallint language sql immutable parallel safe as $$
    select width_bucket(seconds, array[0, 1, 2, 3, 5, 8, 12, 18, 27, 41, 61, 91, 137, 205, 308, 461, 692, 1038, 1557,
        2335, 3503, 5254, 7881, 11822, 17733, 26600, 39900, 59850, 89775, 134662, 201993, 302990, 454485, 681727,
        1022591, 1533886, 2300830, 3451245, 5176867, 7765300, 11647951, 17471926, 26207889, 39311834]::bigint[])::smallint;
$$;

-- Per-handoff facts, straight from the base tables.
create view metrics_handoff_src as
select h.workspace_id, h.id as handoff_id, h.lead_id, l.created_at as lead_created_at,
       (l.created_at at time zone 'UTC')::date as day, l.campaign_id, l.source, l.first_mql_version_id as version_id,
       (l.first_mql_at is not null)::int::smallint as mql, (l.lifecycle_stage = 'DISQUALIFIED')::int::smallint as disqualified,
       h.owner, h.score_total, h.created_at, h.due_at, r.responded_at,
       r.response_seconds, metrics_response_bucket(r.response_seconds) as response_bucket,
       (h.state in ('ACCEPTED', 'OPPORTUNITY', 'WON', 'LOST'))::int::smallint as accepted,
       (h.state = 'REJECTED')::int::smallint as rejected,
       case when h.state = 'REJECTED' then h.rejected_at end as rejected_at,
       case when h.state = 'REJECTED' then h.rejection_code end as reject_code,
       case when h.state = 'REJECTED' then h.rejection_category end as reject_category,
       (h.state in ('OPPORTUNITY', 'WON', 'LOST'))::int::smallint as sqls,
       (h.state = 'WON')::int::smallint as won,
       (h.state = 'LOST')::int::smallint as lost,
       case when h.state = 'WON' then h.won_amount end as won_amount
  from handoff h
  join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id
 cross join lateral (select least(h.first_response_at, h.accepted_at, h.rejected_at) as responded_at) r0
 cross join lateral (select r0.responded_at, floor(extract(epoch from r0.responded_at - h.created_at))::bigint as response_seconds) r;

-- Unit facts of a lead over all its handoffs (only leads with handoffs have a row here).
create view metrics_lead_unit as
select workspace_id, lead_id,
       (array_agg(reject_code order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_code,
       (array_agg(reject_category order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_category,
       max(accepted) as accepted, max(rejected) as rejected, max(sqls) as sqls, max(won) as won,
       (max(lost) = 1 and max(won) = 0)::int::smallint as lost, coalesce(sum(won_amount), 0) as revenue
  from metrics_handoff
 group by workspace_id, lead_id;

-- Per-lead facts, in the column order of metrics_lead.
create view metrics_lead_src as
select l.workspace_id, l.id as lead_id, l.created_at, (l.created_at at time zone 'UTC')::date as day,
       l.campaign_id, l.source, l.first_mql_version_id as version_id, u.reject_code, u.reject_category,
       (l.first_mql_at is not null)::int::smallint as mqls,
       (u.lead_id is not null)::int::smallint as handoffs,
       coalesce(u.accepted, 0)::smallint as accepted,
       coalesce(u.rejected, 0)::smallint as rejected,
       greatest(coalesce(u.rejected, 0), (l.lifecycle_stage = 'DISQUALIFIED')::int)::smallint as bad,
       coalesce(u.sqls, 0)::smallint as sqls,
       coalesce(u.won, 0)::smallint as won,
       coalesce(u.lost, 0)::smallint as lost,
       coalesce(u.revenue, 0)::numeric as revenue
  from lead l
  left join metrics_lead_unit u on u.workspace_id = l.workspace_id and u.lead_id = l.id;

-- Unit facts of a lead and one owner of its handoffs (null owner = unassigned handoffs).
create view metrics_owner_unit as
select workspace_id, lead_id, owner, lead_created_at, day, campaign_id, source, version_id,
       (array_agg(reject_code order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_code,
       (array_agg(reject_category order by rejected_at desc, created_at desc, handoff_id desc) filter (where rejected = 1))[1] as reject_category,
       max(mql) as mqls, 1::smallint as handoffs, max(accepted) as accepted, max(rejected) as rejected,
       greatest(max(rejected), max(disqualified)) as bad, max(sqls) as sqls, max(won) as won,
       (max(lost) = 1 and max(won) = 0)::int::smallint as lost, coalesce(sum(won_amount), 0) as revenue
  from metrics_handoff
 group by workspace_id, lead_id, owner, lead_created_at, day, campaign_id, source, version_id;

-- The rollup deltas of one lead-level change: -old and +new facts (either may be absent: null lead_id), into the
-- daily, daily total and monthly total rollups, in one statement.
create function metrics_lead_delta(o metrics_lead, n metrics_lead) returns void language sql as $$
    with d as (select (o).*, -1 as sign where (o).lead_id is not null
               union all
               select (n).*, 1 where (n).lead_id is not null),
         daily as (insert into metrics_daily (workspace_id, day, campaign_id, source, version_id, reject_code, reject_category,
                                              leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
                   select workspace_id, day, campaign_id, source, version_id, reject_code, reject_category, sign, sign * mqls,
                          sign * handoffs, sign * accepted, sign * rejected, sign * bad, sign * sqls, sign * won, sign * lost,
                          sign * revenue from d),
         total as (insert into metrics_daily_total (workspace_id, day, reject_code, reject_category,
                                                    leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
                   select workspace_id, day, reject_code, reject_category, sign, sign * mqls, sign * handoffs, sign * accepted,
                          sign * rejected, sign * bad, sign * sqls, sign * won, sign * lost, sign * revenue from d)
    insert into metrics_monthly_total (workspace_id, day, reject_code, reject_category,
                                       leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
    select workspace_id, date_trunc('month', day)::date, reject_code, reject_category, sign, sign * mqls, sign * handoffs,
           sign * accepted, sign * rejected, sign * bad, sign * sqls, sign * won, sign * lost, sign * revenue from d;
$$;

-- Recomputes every fact of one lead from the base tables and records what changed as rollup deltas.
-- Lock order: lead row, then its metrics_lead row; every statement after the locks reads a fresh snapshot
-- (READ COMMITTED), so a concurrent committed change of the same lead is never lost.
create function metrics_refresh_lead(p_ws text, p_lead uuid, p_lock_lead boolean, p_new_lead boolean) returns void
language plpgsql as $$
declare
    o metrics_lead;
    n metrics_lead;
    had_old boolean := false;
    has_new boolean;
    old_units metrics_owner_unit[] := '{}';
    old_handoffs metrics_handoff[] := '{}';
    with_handoffs boolean := false;
begin
    if p_lock_lead then
        perform 1 from lead where workspace_id = p_ws and id = p_lead for no key update;
    end if;
    if not p_new_lead then
        select * into o from metrics_lead where workspace_id = p_ws and lead_id = p_lead for update;
        had_old := found;
        select coalesce(array_agg(h), '{}') into old_handoffs
          from metrics_handoff h where h.workspace_id = p_ws and h.lead_id = p_lead;
        -- a lead without handoffs, before and after (most leads): no handoff-level facts to rewrite
        with_handoffs := cardinality(old_handoffs) > 0
                         or exists (select from handoff h where h.workspace_id = p_ws and h.lead_id = p_lead);
    end if;
    if with_handoffs then
        select coalesce(array_agg(u), '{}') into old_units
          from metrics_owner_unit u where u.workspace_id = p_ws and u.lead_id = p_lead;
        delete from metrics_handoff where workspace_id = p_ws and lead_id = p_lead;
        insert into metrics_handoff select * from metrics_handoff_src where workspace_id = p_ws and lead_id = p_lead;
    end if;
    select * into n from metrics_lead_src where workspace_id = p_ws and lead_id = p_lead;
    has_new := found;

    if not (had_old and has_new and o is not distinct from n) then
        perform metrics_lead_delta(case when had_old then o end, case when has_new then n end);
        if had_old and has_new then
            update metrics_lead set created_at = n.created_at, day = n.day, campaign_id = n.campaign_id, source = n.source,
                   version_id = n.version_id, reject_code = n.reject_code, reject_category = n.reject_category,
                   mqls = n.mqls, handoffs = n.handoffs, accepted = n.accepted, rejected = n.rejected, bad = n.bad,
                   sqls = n.sqls, won = n.won, lost = n.lost, revenue = n.revenue
             where workspace_id = p_ws and lead_id = p_lead;
        elsif has_new then
            insert into metrics_lead select n.*;
        else
            delete from metrics_lead where workspace_id = p_ws and lead_id = p_lead;
        end if;
    end if;

    if with_handoffs then
        with new_units as materialized (
                 select * from metrics_owner_unit u where u.workspace_id = p_ws and u.lead_id = p_lead),
             old as (select * from unnest(old_units)),
             diff as (select 1 as sign, * from (select * from new_units except all select * from old) plus
                      union all
                      select -1, * from (select * from old except all select * from new_units) minus)
        insert into metrics_daily_owner (workspace_id, day, owner, campaign_id, source, version_id, reject_code,
                                         reject_category, leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue)
        select workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category,
               sign, sign * mqls, sign * handoffs, sign * accepted, sign * rejected, sign * bad, sign * sqls,
               sign * won, sign * lost, sign * revenue
          from diff;

        with new_facts as (
                 select day, floor(score_total / 5.0)::int as band5, response_bucket, (responded_at is not null)::int as responded,
                        coalesce(responded_at > due_at, false)::int as late, won::int as won, coalesce(won_amount, 0) as won_amount
                   from metrics_handoff where workspace_id = p_ws and lead_id = p_lead),
             old_facts as (
                 select day, floor(score_total / 5.0)::int, response_bucket, (responded_at is not null)::int,
                        coalesce(responded_at > due_at, false)::int, won::int, coalesce(won_amount, 0)
                   from unnest(old_handoffs)),
             diff as (select 1 as sign, * from (select * from new_facts except all select * from old_facts) plus
                      union all
                      select -1, * from (select * from old_facts except all select * from new_facts) minus),
             delta as (select day, band5, null::smallint as bucket, sign as handoffs, sign * responded as responded,
                              sign * late as late, sign * won as won, sign * won_amount as won_amount from diff
                       union all
                       select day, null, response_bucket, sign, sign, 0, 0, 0 from diff where response_bucket is not null),
             daily as (insert into metrics_daily_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount)
                       select p_ws, day, band5, bucket, handoffs, responded, late, won, won_amount from delta)
        insert into metrics_monthly_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount)
        select p_ws, date_trunc('month', day)::date, band5, bucket, handoffs, responded, late, won, won_amount from delta;
    end if;
end $$;

create function metrics_lead_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform metrics_refresh_lead(new.workspace_id, new.id, false, true);
        return null;
    end if;
    perform metrics_refresh_lead(old.workspace_id, old.id, false, false);
    if tg_op = 'UPDATE' and (new.workspace_id, new.id) is distinct from (old.workspace_id, old.id) then
        perform metrics_refresh_lead(new.workspace_id, new.id, false, false);
    end if;
    return null;
end $$;

create function metrics_handoff_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform metrics_refresh_lead(old.workspace_id, old.lead_id, true, false);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (new.workspace_id, new.lead_id) is distinct from (old.workspace_id, old.lead_id)) then
        perform metrics_refresh_lead(new.workspace_id, new.lead_id, true, false);
    end if;
    return null;
end $$;

create trigger metrics_lead_inserted after insert on lead
    for each row execute function metrics_lead_changed();
create trigger metrics_lead_deleted after delete on lead
    for each row execute function metrics_lead_changed();
-- Only the columns metrics read: the scoring's frequent updates of other columns cost nothing here.
create trigger metrics_lead_updated after update on lead
    for each row when ((old.workspace_id, old.id, old.created_at, old.campaign_id, old.source, old.first_mql_at is null,
                        old.first_mql_version_id, old.lifecycle_stage = 'DISQUALIFIED')
             is distinct from (new.workspace_id, new.id, new.created_at, new.campaign_id, new.source, new.first_mql_at is null,
                               new.first_mql_version_id, new.lifecycle_stage = 'DISQUALIFIED'))
    execute function metrics_lead_changed();
create trigger metrics_handoff_inserted after insert on handoff
    for each row execute function metrics_handoff_changed();
create trigger metrics_handoff_deleted after delete on handoff
    for each row execute function metrics_handoff_changed();
create trigger metrics_handoff_updated after update on handoff
    for each row when ((old.workspace_id, old.id, old.lead_id, old.owner, old.score_total, old.created_at, old.due_at,
                        old.first_response_at, old.accepted_at, old.rejected_at, old.state, old.rejection_code,
                        old.rejection_category, old.won_amount)
             is distinct from (new.workspace_id, new.id, new.lead_id, new.owner, new.score_total, new.created_at, new.due_at,
                               new.first_response_at, new.accepted_at, new.rejected_at, new.state, new.rejection_code,
                               new.rejection_category, new.won_amount))
    execute function metrics_handoff_changed();

-- Folds the pending delta rows of up to p_keys keys of one rollup table of a workspace into one row per key (rows
-- that sum to nothing disappear). One statement: readers see the rows before or after, never half.
create function metrics_compact_table(p_table text, p_ws text, p_keys integer, p_key_cols text[], p_sum_cols text[])
returns integer language plpgsql as $$
declare
    keys text := array_to_string(p_key_cols, ', ');
    same_key text;
    sums text;
    non_zero text;
    folded integer;
begin
    -- day (the first key) is never null and is compared with = so that the (workspace_id, day) index is used
    select string_agg(case when c = 'day' then 'd.day = k.day' else format('d.%1$I is not distinct from k.%1$I', c) end, ' and ')
      into same_key from unnest(p_key_cols) c;
    select string_agg(format('sum(%I)', c), ', '), string_agg(format('sum(%I) <> 0', c), ' or ')
      into sums, non_zero from unnest(p_sum_cols) c;
    execute format('with keys as (select distinct %2$s from %1$I where workspace_id = $1 and pending limit $2),'
        || ' gone as (delete from %1$I d using keys k where d.workspace_id = $1 and %3$s returning d.*),'
        || ' merged as (insert into %1$I (workspace_id, %2$s, %4$s, pending) select $1, %2$s, %5$s, false from gone'
        || ' group by %2$s having %6$s)'
        || ' select count(*) from keys', p_table, keys, same_key, array_to_string(p_sum_cols, ', '), sums, non_zero)
      into folded using p_ws, p_keys;
    return folded;
end $$;

create function metrics_compact(p_ws text, p_keys integer) returns integer language plpgsql as $$
declare
    lead_sums text[] := array['leads', 'mqls', 'handoffs', 'accepted', 'rejected', 'bad', 'sqls', 'won', 'lost', 'revenue'];
begin
    if not pg_try_advisory_xact_lock(hashtext('metrics_compact'), hashtext(p_ws)) then
        return 0;
    end if;
    return metrics_compact_table('metrics_daily', p_ws, p_keys,
               array['day', 'campaign_id', 'source', 'version_id', 'reject_code', 'reject_category'], lead_sums)
         + metrics_compact_table('metrics_daily_owner', p_ws, p_keys,
               array['day', 'owner', 'campaign_id', 'source', 'version_id', 'reject_code', 'reject_category'], lead_sums)
         + metrics_compact_table('metrics_daily_total', p_ws, p_keys, array['day', 'reject_code', 'reject_category'], lead_sums)
         + metrics_compact_table('metrics_daily_handoff', p_ws, p_keys, array['day', 'band5', 'bucket'],
               array['handoffs', 'responded', 'late', 'won', 'won_amount'])
         + metrics_compact_table('metrics_monthly_total', p_ws, p_keys, array['day', 'reject_code', 'reject_category'], lead_sums)
         + metrics_compact_table('metrics_monthly_handoff', p_ws, p_keys, array['day', 'band5', 'bucket'],
               array['handoffs', 'responded', 'late', 'won', 'won_amount']);
end $$;

-- Recomputes all metrics data of a workspace from the base tables (back-fill, repair, bulk loads that ran with
-- triggers disabled). Blocks writes to lead and handoff while it runs.
create function metrics_rebuild(p_ws text) returns void language plpgsql as $$
begin
    lock table lead, handoff in share mode;
    perform pg_advisory_xact_lock(hashtext('metrics_compact'), hashtext(p_ws));
    delete from metrics_daily where workspace_id = p_ws;
    delete from metrics_daily_owner where workspace_id = p_ws;
    delete from metrics_daily_total where workspace_id = p_ws;
    delete from metrics_daily_handoff where workspace_id = p_ws;
    delete from metrics_monthly_total where workspace_id = p_ws;
    delete from metrics_monthly_handoff where workspace_id = p_ws;
    delete from metrics_lead where workspace_id = p_ws;
    delete from metrics_handoff where workspace_id = p_ws;
    insert into metrics_handoff select * from metrics_handoff_src where workspace_id = p_ws;
    insert into metrics_lead select * from metrics_lead_src where workspace_id = p_ws;
    insert into metrics_daily (workspace_id, day, campaign_id, source, version_id, reject_code, reject_category,
                               leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, campaign_id, source, version_id, reject_code, reject_category, count(*), sum(mqls),
           sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_lead where workspace_id = p_ws
     group by workspace_id, day, campaign_id, source, version_id, reject_code, reject_category;
    insert into metrics_daily_owner (workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category,
                                     leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category, count(*), sum(mqls),
           sum(handoffs), sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_owner_unit where workspace_id = p_ws
     group by workspace_id, day, owner, campaign_id, source, version_id, reject_code, reject_category;
    insert into metrics_daily_total (workspace_id, day, reject_code, reject_category,
                                     leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, day, reject_code, reject_category, count(*), sum(mqls), sum(handoffs), sum(accepted), sum(rejected),
           sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_lead where workspace_id = p_ws
     group by workspace_id, day, reject_code, reject_category;
    insert into metrics_daily_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount, pending)
    select workspace_id, day, floor(score_total / 5.0)::int, null, count(*), count(responded_at),
           count(*) filter (where responded_at > due_at), sum(won), coalesce(sum(won_amount), 0), false
      from metrics_handoff where workspace_id = p_ws
     group by workspace_id, day, floor(score_total / 5.0)::int
    union all
    select workspace_id, day, null, response_bucket, count(*), count(*), 0, 0, 0, false
      from metrics_handoff where workspace_id = p_ws and response_bucket is not null
     group by workspace_id, day, response_bucket;
    insert into metrics_monthly_total (workspace_id, day, reject_code, reject_category,
                                       leads, mqls, handoffs, accepted, rejected, bad, sqls, won, lost, revenue, pending)
    select workspace_id, date_trunc('month', day)::date, reject_code, reject_category, sum(leads), sum(mqls), sum(handoffs),
           sum(accepted), sum(rejected), sum(bad), sum(sqls), sum(won), sum(lost), sum(revenue), false
      from metrics_daily_total where workspace_id = p_ws
     group by workspace_id, date_trunc('month', day)::date, reject_code, reject_category;
    insert into metrics_monthly_handoff (workspace_id, day, band5, bucket, handoffs, responded, late, won, won_amount, pending)
    select workspace_id, date_trunc('month', day)::date, band5, bucket, sum(handoffs), sum(responded), sum(late), sum(won),
           sum(won_amount), false
      from metrics_daily_handoff where workspace_id = p_ws
     group by workspace_id, date_trunc('month', day)::date, band5, bucket;
end $$;

-- Back-fill what existed before this migration.
select metrics_rebuild(workspace_id) from workspace;
