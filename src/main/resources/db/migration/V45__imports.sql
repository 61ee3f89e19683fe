-- CSV imports (issue 17, docs/import.md): saved column mappings, import jobs under a lease, the uploaded file in
-- 1 MiB chunks (so any pod can resume a job after a restart), and each job's error report lines.
create table import_mapping (
    workspace_id text not null,
    name         text not null,
    kind         text not null check (kind in ('LEADS', 'ACTIVITIES', 'DEALS')),
    body         jsonb not null,
    updated_by   text not null,
    updated_at   timestamptz not null,
    primary key (workspace_id, name)
);

create table import_job (
    workspace_id      text not null,
    id                uuid not null,
    kind              text not null check (kind in ('LEADS', 'ACTIVITIES', 'DEALS')),
    state             text not null check (state in ('RECEIVING', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    dry_run           boolean not null,
    mapping_name      text not null,
    mapping           jsonb not null,
    encoding          text,
    separator         text,
    file_bytes        bigint not null default 0,
    chunks            integer not null default 0,
    rows_read         bigint not null default 0,
    rows_landed       bigint not null default 0,
    rows_rejected     bigint not null default 0,
    rows_duplicate    bigint not null default 0,
    rows_blank        bigint not null default 0,
    resume_after_row  bigint not null default 1,
    error_lines       bigint not null default 0,
    failure_code      text,
    failure           text,
    created_by        text not null,
    created_at        timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    lease_owner       text,
    lease_expires_at  timestamptz,
    primary key (workspace_id, id)
);
create index import_job_claimable on import_job (created_at) where state in ('QUEUED', 'RUNNING');

create table import_chunk (
    workspace_id text not null,
    job_id       uuid not null,
    seq          integer not null,
    data         bytea not null,
    primary key (workspace_id, job_id, seq),
    foreign key (workspace_id, job_id) references import_job (workspace_id, id) on delete cascade
);

create table import_error (
    workspace_id text not null,
    job_id       uuid not null,
    line         bigint not null,
    row_number   bigint not null,
    column_name  text,
    code         text not null,
    message      text not null,
    primary key (workspace_id, job_id, line),
    foreign key (workspace_id, job_id) references import_job (workspace_id, id) on delete cascade
);
