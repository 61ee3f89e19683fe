-- Scores of the metrics benchmark (included by generate.sql, inside its transaction): the bench model gets versions
-- v1..v3 with the default rules of a new workspace (DefaultCriteria), v3 active and served, the model driving handoffs;
-- every lead gets its v3 score. Fit follows the lead's title (people.sql); engagement is drawn per lead (hash of its id)
-- so that MQLs pass the threshold of 50 and the others stay below it; students are knocked out. default_rules.json holds
-- the rules DefaultCriteriaSeeder writes for a new workspace (its version 1, copied as stored).
\echo '== criteria versions and scores'
insert into criteria_version (workspace_id, id, model_id, number, status, rules, mql_threshold, created_at, created_by,
                              published_at, published_by, retired_at)
select :'ws', md5(:'ws' || '/version/' || v)::uuid, md5(:'ws' || '/model')::uuid, v, case when v = 3 then 'ACTIVE' else 'RETIRED' end,
       :'rules'::jsonb, 50, now() - interval '1 day' * (800 - 300 * v), 'bench-generator', now() - interval '1 day' * (790 - 300 * v),
       'bench-generator', case when v < 3 then now() - interval '1 day' * (490 - 300 * v) end
  from generate_series(1, 3) v
    on conflict (workspace_id, id) do update set status = excluded.status, rules = excluded.rules, retired_at = excluded.retired_at;
update criteria_model set drives_handoffs = not exists (select 1 from criteria_model o where o.workspace_id = :'ws'
                                                          and o.drives_handoffs and o.id <> md5(:'ws' || '/model')::uuid),
       served_version_id = md5(:'ws' || '/version/3')::uuid
 where workspace_id = :'ws' and id = md5(:'ws' || '/model')::uuid;

insert into lead_score (workspace_id, lead_id, version_id, total, fit, engagement, qualified, knocked_out_by, contributions, as_of)
select l.workspace_id, l.id, md5(:'ws' || '/version/3')::uuid, d.fit + d.engagement, d.fit, d.engagement,
       l.lifecycle_stage = 'MQL' and not d.student,
       case when d.student then '{student}'::text[] else '{}' end,
       (select coalesce(jsonb_agg(jsonb_build_object('ruleKey', c.k, 'ruleLabel', c.label, 'kind', c.kind, 'points', c.points,
                                                     'evidence', c.evidence) order by c.o), '[]')
          from (values (1, 'c-level-title', 'C-level title', 'FIT', case when l.seniority = 'C_LEVEL' then 10 end, 'seniority = C_LEVEL'),
                       (2, 'vp-or-director-title', 'VP or director title', 'FIT',
                           case when l.seniority in ('VP', 'DIRECTOR') then 5 end, 'seniority = ' || l.seniority),
                       (3, 'tofu-ebook', 'Top-of-funnel eBook download', 'ENGAGEMENT', nullif(d.ebooks * 5, 0),
                           d.ebooks || ' × EBOOK_DOWNLOAD'),
                       (4, 'bofu-offer', 'Bottom-of-funnel offer (demo, trial, contact request…)', 'ENGAGEMENT', nullif(d.offers * 20, 0),
                           d.offers || ' × DEMO_REQUEST'),
                       (5, 'pricing-page', 'Pricing page view', 'ENGAGEMENT', nullif(d.pricing * 10, 0), d.pricing || ' × PRICING_PAGE_VIEW'),
                       (6, 'student', 'Student or job seeker', 'KNOCK_OUT', case when d.student then 0 end, 'seniority = STUDENT'))
               c(o, k, label, kind, points, evidence)
         where c.points is not null),
       greatest(l.created_at, coalesce(l.first_mql_at, l.created_at))
  from lead l
 cross join lateral (select abs(hashtext('s' || l.id::text)) % 1000 as r) h
 cross join lateral (select case l.seniority when 'C_LEVEL' then 10 when 'VP' then 5 when 'DIRECTOR' then 5 else 0 end as fit,
                            l.seniority = 'STUDENT' as student,
                            case when l.lifecycle_stage = 'MQL' then 1 + h.r % 2 else 0 end as offers,
                            case when l.lifecycle_stage = 'MQL' then 1 + h.r / 2 % 2 else h.r / 2 % 2 end as pricing,
                            h.r / 4 % 4 as ebooks) e
 cross join lateral (select e.fit, e.student, e.offers, e.pricing, least(e.ebooks, 3) as ebooks,
                            e.offers * 20 + e.pricing * 10 + least(e.ebooks, 3) * 5 as engagement) d
 where l.workspace_id = :'ws';
