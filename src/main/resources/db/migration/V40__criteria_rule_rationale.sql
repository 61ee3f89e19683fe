-- Why a rule of a suggested draft was proposed (issue 11 §6): the signal, its statistic, both groups with their
-- counts and the evidence window, stored with the draft by criteriaSuggest and shown on the rule
-- (CriteriaRule.rationale). Keyed by the version and the rule's key; a rule removed from the draft simply has no
-- rule left to show it on. Row-level security comes from afterMigrate__row_level_security.sql.
create table criteria_rule_rationale (
    workspace_id  text        not null,
    version_id    uuid        not null,
    rule_key      text        not null,
    change        text        not null check (change in ('ADD_RULE', 'CHANGE_POINTS')),
    from_points   integer,
    to_points     integer,
    signal_key    text        not null,
    statistic     text        not null,
    group_a       text        not null,
    count_a       integer     not null check (count_a >= 0),
    n_a           integer     not null check (n_a >= count_a),
    group_b       text        not null,
    count_b       integer     not null check (count_b >= 0),
    n_b           integer     not null check (n_b >= count_b),
    lift          double precision not null,
    weight_of_evidence double precision not null,
    p_value       double precision not null,
    q_value       double precision not null,
    verdict       text        not null,
    window_from   timestamptz,
    window_to     timestamptz,
    sentence      text        not null,
    created_at    timestamptz not null,
    primary key (workspace_id, version_id, rule_key),
    foreign key (workspace_id, version_id) references criteria_version (workspace_id, id)
);
