-- The data-quality verdict of each lead as of its last write (docs/data-quality.md, "Stored verdict"): written by the
-- lead write path (LeadService, one statement per batch) with the pure assessor's result, so leads can be filtered and
-- counted by it. Issues keep code and field only: the messages name parts of the contact data, which erasure must not
-- leave behind; they are computed again when read. A lead without a row was not written since this table exists.
create table lead_data_quality (
    workspace_id  text         not null,
    lead_id       uuid         not null,
    status        text         not null check (status in ('VALID', 'SUSPECT', 'INVALID')),
    issues        jsonb        not null default '[]',
    assessed_at   timestamptz  not null,
    primary key (workspace_id, lead_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id) on delete cascade
);

create index lead_data_quality_by_status on lead_data_quality (workspace_id, status, lead_id);
