-- Reads of the data-quality checks that must stay index lookups whatever their size (a CSV import batch is about 1,650
-- leads). Current definitions, changed here in place (docs/architecture.md, "Definitions in repeatable migrations").

-- The identity fields of leads by id (QualityReads.persons): the duplicate check's candidates, about ten per lead of a
-- batch. Planned with the ids in hand, the 17,000 candidates of an import's 1,650-lead batch looked dearer as lookups
-- by lead_pkey than a parallel scan of the workspace's leads, and the scan took 2.3 s a batch at 1,000,000 leads where
-- the lookups take 0.1 s (measured: the whole import 402.9 s instead of ~225 s with the deployment's planner settings;
-- docs/benchmarks.md "v11"). As in metrics_refresh: generic plans always, sequential scans ruled out. Erased and
-- merged-away leads are no one's duplicate and are not judged.
create or replace function quality_persons(p_ws text, p_ids uuid[])
returns table (id uuid, email text, phone text, first_name text, last_name text, company_name text, company_domain text,
               country text)
language plpgsql stable
set enable_seqscan = off
set plan_cache_mode = force_generic_plan as $$
begin
    return query
    select l.id, l.email, l.phone, l.first_name, l.last_name, l.company_name, l.company_domain, l.country
      from lead l
     where l.workspace_id = p_ws and l.id = any(p_ids) and l.erased_at is null and l.merged_into is null;
end $$;

revoke all on function quality_persons(text, uuid[]) from public;
grant execute on function quality_persons(text, uuid[]) to "${app_user}";

-- The leads holding any of the given duplicate-key digests (ArrivalVerdicts: the stored partners of a batch's new
-- leads, three or four digests a lead). Index-only lookups in lead_duplicate_key_pkey however many digests: at 5,000 a
-- batch against 3,000,000 keys the planner's estimate for them was within a factor of three of a parallel scan of the
-- table, and a fourth key a lead (phones) would have tipped it.
create or replace function quality_key_holders(p_ws text, p_digests bytea[])
returns table (key_digest bytea, lead_id uuid)
language plpgsql stable
set enable_seqscan = off
set plan_cache_mode = force_generic_plan as $$
begin
    return query
    select k.key_digest, k.lead_id from lead_duplicate_key k where k.workspace_id = p_ws and k.key_digest = any(p_digests);
end $$;

revoke all on function quality_key_holders(text, bytea[]) from public;
grant execute on function quality_key_holders(text, bytea[]) to "${app_user}";
