-- Privacy erasure (docs/privacy.md): what an erasure scrubs from the rows that copied personal values out of an erased
-- lead. The current definitions, read and changed here in place: Flyway re-applies this file whenever it changes, after
-- all versioned migrations (docs/architecture.md, "Definitions in repeatable migrations"). The table privacy_audit is in
-- V6__privacy.sql, which first created these functions and stays unchanged as history; the append-only triggers that
-- let only an erasure scrub the ledgers are in R__ledger_append_only.sql.

-- Contributions keep rule key, label, kind and points. FIT and KNOCK_OUT evidence quotes the lead's attribute
-- values (job title, email domain, custom attributes...) and is replaced; ENGAGEMENT evidence only counts
-- activities against the rule's own settings and is kept.
create or replace function privacy_scrub_contributions(contributions jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_agg(case when c ->> 'kind' = 'ENGAGEMENT' or not (c ? 'evidence') then c
                                   else jsonb_set(c, '{evidence}', to_jsonb('[erased]'::text)) end order by n), '[]'::jsonb)
      from jsonb_array_elements(contributions) with ordinality as e(c, n);
$$;

-- Frozen lead attributes: an allow-list of the non-identifying facts; everything else (email, name, company,
-- job title, custom.*, and any key added later) is dropped.
create or replace function privacy_scrub_snapshot(snapshot jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
      from jsonb_each(snapshot)
     where key in ('seniority', 'industry', 'country', 'source', 'employeeCount', 'annualRevenue',
                   'budgetStatus', 'authority', 'need', 'timeline');
$$;

-- Handoff event details: structured values are kept (reason code, category, disposition, channel, amount, currency,
-- score, rep user names); free text (rejection notes, touch notes, opportunity name, lost reason) and any key not
-- on the list are replaced, keeping the key so the trail still shows that something was written.
create or replace function privacy_scrub_event_details(type text, details jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_object_agg(key, case when key in ('category', 'disposition', 'channel', 'amount', 'currency', 'score', 'from', 'to')
                                                  or (key = 'reason' and type = 'REJECTED') then value
                                             else to_jsonb('[erased]'::text) end), '{}'::jsonb)
      from jsonb_each(details);
$$;

-- Scrubs what other tables copied from an erased lead; idempotent (a second run changes nothing). Returns how many
-- rows it changed per table. The caller holds the lead's row lock; the lead must already be erased.
create or replace function privacy_scrub_erased_lead(p_ws text, p_lead uuid) returns jsonb language plpgsql as $$
declare
    n_activities integer;
    n_scores integer;
    n_crossings integer;
    n_handoffs integer;
    n_events integer;
    n_keys integer;
begin
    perform 1 from lead where workspace_id = p_ws and id = p_lead and erased_at is not null;
    if not found then
        raise exception 'lead % of workspace % is not erased', p_lead, p_ws;
    end if;
    perform set_config('leadproof.erasure', 'on', true);

    -- client_event_id is client-chosen and may embed an address; it becomes the activity's own id
    update activity set properties = '{}'::jsonb, content_tag = null, client_event_id = 'erased:' || id, bounced_email = null
     where workspace_id = p_ws and lead_id = p_lead
       and (properties <> '{}'::jsonb or content_tag is not null or client_event_id <> 'erased:' || id
            or bounced_email is not null);
    get diagnostics n_activities = row_count;

    -- data quality (V80): the duplicate keys are digests of the contact data, and the issues' messages quote it; an
    -- erased lead is no one's duplicate and is never judged again
    delete from lead_duplicate_key where workspace_id = p_ws and lead_id = p_lead;
    delete from lead_quality where workspace_id = p_ws and lead_id = p_lead;
    -- leadMerge aliases (V119): the external id and email a tombstone released
    delete from lead_merge_alias where workspace_id = p_ws and lead_id = p_lead;

    update lead_score set contributions = privacy_scrub_contributions(contributions)
     where workspace_id = p_ws and lead_id = p_lead and contributions <> privacy_scrub_contributions(contributions);
    get diagnostics n_scores = row_count;

    update mql_crossing set contributions = privacy_scrub_contributions(contributions)
     where workspace_id = p_ws and lead_id = p_lead and contributions <> privacy_scrub_contributions(contributions);
    get diagnostics n_crossings = row_count;

    -- none of these columns feeds a metric (the metrics triggers do not fire on them); version bumps so a stale
    -- entity elsewhere fails its optimistic check instead of writing the old text back
    update handoff set contributions = privacy_scrub_contributions(contributions),
                       lead_snapshot = privacy_scrub_snapshot(lead_snapshot),
                       rejection_notes = null,
                       opportunity_name = case when opportunity_name is not null then '[erased]' end,
                       lost_reason = case when lost_reason is not null then '[erased]' end,
                       version = version + 1
     where workspace_id = p_ws and lead_id = p_lead
       and (contributions <> privacy_scrub_contributions(contributions) or lead_snapshot <> privacy_scrub_snapshot(lead_snapshot)
            or rejection_notes is not null or opportunity_name <> '[erased]' or lost_reason <> '[erased]');
    get diagnostics n_handoffs = row_count;

    update handoff_event e set details = privacy_scrub_event_details(e.type, e.details)
     where e.workspace_id = p_ws
       and e.handoff_id in (select h.id from handoff h where h.workspace_id = p_ws and h.lead_id = p_lead)
       and e.details <> privacy_scrub_event_details(e.type, e.details);
    get diagnostics n_events = row_count;

    -- stored results of idempotent mutations about the lead repeat its evidence and notes; a retry after the
    -- erasure runs again (and is refused by the handoff's state) instead of replaying them. Results of leadErase
    -- hold ids and counts only and stay, so its retries keep replaying.
    delete from idempotency_key
     where workspace_id = p_ws and response is not null and operation <> 'leadErase'
       and strpos(response::text, p_lead::text) > 0;
    get diagnostics n_keys = row_count;

    perform set_config('leadproof.erasure', 'off', true);
    return jsonb_build_object('activities', n_activities, 'scores', n_scores, 'mqlCrossings', n_crossings,
                              'handoffs', n_handoffs, 'handoffEvents', n_events, 'idempotencyKeys', n_keys);
end $$;
