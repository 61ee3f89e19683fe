-- Privacy (docs/privacy.md): GDPR/CCPA erasure and export of a lead, both audited.
--
-- Erasure removes personal data and keeps the anonymised facts every metric is made of. The lead row is
-- anonymised by the application (Lead.erase); the rows that copied personal values out of it (activities,
-- scores, MQL crossings, frozen handoff evidence, handoff notes, stored idempotent responses) are scrubbed by
-- privacy_scrub_erased_lead below. Nothing is deleted and no column a metric reads is written.

-- Who exported or erased which lead, when and why. Append-only like the other ledgers.
create table privacy_audit (
    workspace_id text        not null references workspace,
    id           uuid        not null,
    action       text        not null check (action in ('ERASE', 'EXPORT')),
    lead_id      uuid        not null,      -- no foreign key: the audit outlives any future hard delete of the lead
    actor        text        not null,
    occurred_at  timestamptz not null,
    reason       text        check (reason in ('DATA_SUBJECT_REQUEST', 'CONSENT_WITHDRAWN', 'RETENTION_EXPIRED',
                                               'UNLAWFUL_PROCESSING', 'LEGAL_OBLIGATION', 'OTHER')),
    reference    text        check (length(reference) between 1 and 200),
    details      jsonb       not null default '{}'::jsonb,  -- counts only, never personal values
    primary key (workspace_id, id),
    check ((action = 'ERASE') = (reason is not null))
);
create index privacy_audit_by_time on privacy_audit (workspace_id, occurred_at desc, id desc);
create index privacy_audit_by_lead on privacy_audit (workspace_id, lead_id, occurred_at desc, id desc);
create trigger privacy_audit_append_only before update or delete on privacy_audit
    for each row execute function refuse_change();

-- The append-only ledgers that hold personal text (mql_crossing.contributions quote attribute values as evidence,
-- handoff_event.details hold rep notes) may be scrubbed by an erasure, and by nothing else. An UPDATE passes only
--   * inside a transaction that set `leadproof.erasure` to 'on' (set_config(..., true): transaction-local), and
--   * when no column other than the ones named as trigger arguments changes, and
--   * when the row belongs to a lead that is already erased (lead.erased_at set).
-- DELETE is always refused. score_event holds no text and keeps refuse_change.
create function append_only_except_erasure() returns trigger language plpgsql as $$
declare
    old_row jsonb := to_jsonb(old);
    erased boolean;
begin
    if tg_op = 'UPDATE' and current_setting('leadproof.erasure', true) = 'on'
       and (to_jsonb(new) - tg_argv) = (old_row - tg_argv) then
        if old_row ? 'lead_id' then
            select l.erased_at is not null into erased
              from lead l where l.workspace_id = old.workspace_id and l.id = (old_row ->> 'lead_id')::uuid;
        elsif old_row ? 'handoff_id' then
            select l.erased_at is not null into erased
              from handoff h join lead l on l.workspace_id = h.workspace_id and l.id = h.lead_id
             where h.workspace_id = old.workspace_id and h.id = (old_row ->> 'handoff_id')::uuid;
        end if;
        if coalesce(erased, false) then
            return new;
        end if;
    end if;
    raise exception '% is append-only', tg_table_name
        using hint = 'Only an erasure may scrub ' || array_to_string(tg_argv, ', ') || ' of an erased lead (docs/privacy.md).';
end $$;

drop trigger mql_crossing_never_rewritten on mql_crossing;
create trigger mql_crossing_never_rewritten before update or delete on mql_crossing
    for each row execute function append_only_except_erasure('contributions');
drop trigger handoff_event_append_only on handoff_event;
create trigger handoff_event_append_only before update or delete on handoff_event
    for each row execute function append_only_except_erasure('details');

-- Contributions keep rule key, label, kind and points. FIT and KNOCK_OUT evidence quotes the lead's attribute
-- values (job title, email domain, custom attributes...) and is replaced; ENGAGEMENT evidence only counts
-- activities against the rule's own settings and is kept.
create function privacy_scrub_contributions(contributions jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_agg(case when c ->> 'kind' = 'ENGAGEMENT' or not (c ? 'evidence') then c
                                   else jsonb_set(c, '{evidence}', to_jsonb('[erased]'::text)) end order by n), '[]'::jsonb)
      from jsonb_array_elements(contributions) with ordinality as e(c, n);
$$;

-- Frozen lead attributes: an allow-list of the non-identifying facts; everything else (email, name, company,
-- job title, custom.*, and any key added later) is dropped.
create function privacy_scrub_snapshot(snapshot jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
      from jsonb_each(snapshot)
     where key in ('seniority', 'industry', 'country', 'source', 'employeeCount', 'annualRevenue',
                   'budgetStatus', 'authority', 'need', 'timeline');
$$;

-- Handoff event details: structured values are kept (reason code, category, disposition, channel, amount, currency,
-- score, rep user names); free text (rejection notes, touch notes, opportunity name, lost reason) and any key not
-- on the list are replaced, keeping the key so the trail still shows that something was written.
create function privacy_scrub_event_details(type text, details jsonb) returns jsonb language sql immutable as $$
    select coalesce(jsonb_object_agg(key, case when key in ('category', 'disposition', 'channel', 'amount', 'currency', 'score', 'from', 'to')
                                                  or (key = 'reason' and type = 'REJECTED') then value
                                             else to_jsonb('[erased]'::text) end), '{}'::jsonb)
      from jsonb_each(details);
$$;

-- Scrubs what other tables copied from an erased lead; idempotent (a second run changes nothing). Returns how many
-- rows it changed per table. The caller holds the lead's row lock; the lead must already be erased.
create function privacy_scrub_erased_lead(p_ws text, p_lead uuid) returns jsonb language plpgsql as $$
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
    update activity set properties = '{}'::jsonb, content_tag = null, client_event_id = 'erased:' || id
     where workspace_id = p_ws and lead_id = p_lead
       and (properties <> '{}'::jsonb or content_tag is not null or client_event_id <> 'erased:' || id);
    get diagnostics n_activities = row_count;

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
