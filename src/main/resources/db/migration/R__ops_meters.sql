-- Cluster-wide reads for the business metrics of docs/observability.md, which row-level security would otherwise
-- hide from the application role: SECURITY DEFINER functions owned by the migrating role that return numbers only.

-- SLA breaches: handoffs that breached their SLA (the rule: handoff_sla_breached, R__handoff_sla.sql), counted once
-- each when their due time falls into the window
-- (counted_until, p_until]. The caller passes a p_until a little in the past, so that a response stamped before its
-- due time but committed after it is seen. Returns the breaches of the window and moves the mark past it, in one
-- statement; null when another pod is counting at this moment (its row lock is skipped, not waited for). The first
-- call only sets the mark: history before it is not replayed into a fresh counter.
create or replace function count_sla_breaches(p_until timestamptz) returns bigint
language plpgsql security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
declare
    since timestamptz;
    breaches bigint;
begin
    insert into meter_watermark (meter, counted_until) values ('sla_breaches', p_until) on conflict (meter) do nothing;
    select counted_until into since from meter_watermark where meter = 'sla_breaches' for update skip locked;
    if not found then
        return null;
    end if;
    if since >= p_until then
        return 0;
    end if;
    select count(*) into breaches
      from handoff
     where due_at > since and due_at <= p_until
       and handoff_sla_breached(due_at, handoff_responded_at(first_response_at, accepted_at, rejected_at), p_until);
    update meter_watermark set counted_until = p_until where meter = 'sla_breaches';
    return breaches;
end $$;

revoke all on function count_sla_breaches(timestamptz) from public;
grant execute on function count_sla_breaches(timestamptz) to "${app_user}";

-- Background jobs queued or running and not finished, by kind, across workspaces (the leadproof_job_backlog gauge).
-- One row per kind that has a queue; backtest and import jobs add theirs here when they exist.
create or replace function job_backlog() returns table (kind text, jobs bigint)
language sql stable security definer set search_path = "${flyway:defaultSchema}", pg_temp as $$
    select 'rescoring', count(*) from scoring_job where state in ('QUEUED', 'RUNNING');
$$;

revoke all on function job_backlog() from public;
grant execute on function job_backlog() to "${app_user}";
