-- The bound: the default criteria ("Inbound B2B") written as one set-based SQL query over lead and
-- activity, producing every lead's fit, engagement, total, knock-out and qualified as of one instant
-- into a temp table, then compared with what the app wrote to lead_score for that version.
-- psql variables: ws, as_of (the job's as_of), threshold (the version's MQL threshold), version (uuid).
--
-- Mirrors io.leadproof.scoring.engine.DefaultCriteria: an activity counts when
-- as_of - window < occurred_at <= as_of; engagement points = min(n * per occurrence, cap), signed;
-- knock-outs (competitor e-mail domain, STUDENT seniority) add 0 points but block qualification.
\set ON_ERROR_STOP on
set timezone = 'UTC';
set work_mem = '256MB';
set jit = off;
\timing on
create temp table bound as
with engagement as (
    select lead_id,
           least(5 * count(*) filter (where type = 'EBOOK_DOWNLOAD' and funnel_stage = 'TOFU'), 15)
         + least(20 * count(*) filter (where funnel_stage = 'BOFU'), 40)
         + least(10 * count(*) filter (where type = 'PRICING_PAGE_VIEW'
                                          and occurred_at > :'as_of'::timestamptz - interval '720 hours'), 20)
         - least(10 * count(*) filter (where type = 'UNSUBSCRIBED'), 10) as points
      from activity
     where workspace_id = :'ws'
       and occurred_at > :'as_of'::timestamptz - interval '2160 hours' and occurred_at <= :'as_of'::timestamptz
     group by lead_id
)
select l.id as lead_id, f.fit, coalesce(e.points, 0)::int as engagement, f.fit + coalesce(e.points, 0)::int as total,
       k.knocked_out, not k.knocked_out and f.fit + coalesce(e.points, 0) >= :threshold as qualified
  from lead l
  left join engagement e on e.lead_id = l.id
  cross join lateral (select (case l.seniority when 'C_LEVEL' then 10 when 'VP' then 5 when 'DIRECTOR' then 5 else 0 end
                            + case when l.budget_status = 'APPROVED' then 15 else 0 end
                            + case when l.authority = 'DECISION_MAKER' then 10 else 0 end) as fit) f
  cross join lateral (select coalesce(lower(btrim(substring(l.email_normalized from '[^@]*$'))) in ('competitor.example', 'rival.example'), false)
                             or l.seniority = 'STUDENT' as knocked_out) k
 where l.workspace_id = :'ws';
\timing off
\echo 'bound: distribution'
select count(*) as leads, count(*) filter (where qualified) as qualified, count(*) filter (where knocked_out) as knocked_out,
       round(avg(total), 2) as avg_total from bound;
\echo 'bound vs lead_score of the version (all leads; a score rewritten later than the job, e.g. by incremental or decay scoring, is newer, not comparable)'
select count(*) as compared,
       count(*) filter (where s.lead_id is null) as missing_in_lead_score,
       count(*) filter (where s.as_of > :'as_of'::timestamptz) as newer,
       count(*) filter (where s.as_of = :'as_of'::timestamptz
                          and (s.total <> b.total or s.fit <> b.fit or s.engagement <> b.engagement
                          or s.qualified <> b.qualified or (cardinality(s.knocked_out_by) > 0) <> b.knocked_out)) as disagreeing
  from bound b
  left join lead_score s on s.workspace_id = :'ws' and s.version_id = :'version'::uuid and s.lead_id = b.lead_id;
