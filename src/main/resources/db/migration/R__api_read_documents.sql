-- The API documents of V146, one home for how they are rendered: a handoff's frozen contributions (ScoreContribution:
-- ruleKey ruleLabel kind points evidence, in stored order), its frozen lead attributes (Attribute: key value, by key
-- in Java's string order, as Attributes.render sorts them) and a version's rules (CriteriaRule's scalar fields, in
-- evaluation order). The compiled reads (handoff/read, criteria/read) emit them verbatim when the selection is this
-- shape and pick keys from them otherwise; a row written before V146 has none (no data move: these functions are defined
-- after the versioned migrations run) and is rendered from its evidence at read time by the same functions.
-- OtherRootsEquivalenceTest holds them to the general path's bytes.
create or replace function api_contributions(p_contributions jsonb) returns json
language sql immutable parallel safe as $$
    select coalesce(json_agg(json_build_object('ruleKey', e->>'ruleKey', 'ruleLabel', e->>'ruleLabel', 'kind', e->>'kind',
            'points', coalesce((e->>'points')::int, 0), 'evidence', e->>'evidence') order by x.n), '[]'::json)
      from jsonb_array_elements(p_contributions) with ordinality x(e, n)
$$;

create or replace function api_lead_attributes(p_snapshot jsonb) returns json
language sql immutable parallel safe as $$
    select coalesce(json_agg(json_build_object('key', a.key, 'value', a.value) order by a.key collate "C"), '[]'::json)
      from jsonb_each_text(p_snapshot) a
$$;

create or replace function api_rules(p_rules jsonb) returns json
language sql immutable parallel safe as $$
    select coalesce(json_agg(json_build_object('key', r->>'key', 'label', r->>'label', 'kind', r->>'kind', 'field', r->>'field',
            'customKey', r->>'customKey', 'operator', r->>'operator', 'values', nullif(r->'values', 'null'::jsonb),
            'points', (r->>'points')::int, 'activityType', r->>'activityType', 'funnelStage', r->>'funnelStage',
            'contentTag', r->>'contentTag', 'windowDays', (r->>'windowDays')::int,
            'pointsPerOccurrence', (r->>'pointsPerOccurrence')::int, 'cap', (r->>'cap')::int,
            'halfLifeDays', nullif(r->'halfLifeDays', 'null'::jsonb)) order by x.n), '[]'::json)
      from jsonb_array_elements(p_rules) with ordinality x(r, n)
$$;

create or replace function handoff_api_documents() returns trigger
language plpgsql as $$
begin
    new.api_contributions := api_contributions(new.contributions);
    new.api_lead_attributes := api_lead_attributes(new.lead_snapshot);
    return new;
end
$$;

create or replace function criteria_version_api_rules() returns trigger
language plpgsql as $$
begin
    new.api_rules := api_rules(new.rules);
    return new;
end
$$;

-- on insert, and on an update that changes the evidence (erasure scrubs it: the documents follow)
drop trigger if exists handoff_api_documents_inserted on handoff;
create trigger handoff_api_documents_inserted before insert on handoff
    for each row execute function handoff_api_documents();
drop trigger if exists handoff_api_documents_updated on handoff;
create trigger handoff_api_documents_updated before update on handoff
    for each row when (new.contributions is distinct from old.contributions or new.lead_snapshot is distinct from old.lead_snapshot)
    execute function handoff_api_documents();

drop trigger if exists criteria_version_api_rules_inserted on criteria_version;
create trigger criteria_version_api_rules_inserted before insert on criteria_version
    for each row execute function criteria_version_api_rules();
drop trigger if exists criteria_version_api_rules_updated on criteria_version;
create trigger criteria_version_api_rules_updated before update on criteria_version
    for each row when (new.rules is distinct from old.rules) execute function criteria_version_api_rules();
