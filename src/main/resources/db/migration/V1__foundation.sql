-- Every table is keyed by workspace_id first: rows of one workspace sit together in every
-- index, RLS can filter on it, and the schema can later be distributed by workspace (Citus).

create table workspace (
    workspace_id       text        primary key check (workspace_id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    name               text        not null,
    reporting_currency text        not null default 'USD' check (reporting_currency ~ '^[A-Z]{3}$'),
    sla_hours          integer     not null default 24 check (sla_hours between 1 and 720),
    created_at         timestamptz not null default now()
);

create table campaign (
    workspace_id text        not null references workspace,
    id           uuid        not null,
    name         text        not null check (length(name) between 1 and 200),
    channel      text        not null,
    starts_on    date,
    ends_on      date,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    constraint campaign_name_unique unique (workspace_id, name),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create table campaign_cost (
    workspace_id text          not null,
    id           uuid          not null,
    campaign_id  uuid          not null,
    incurred_on  date          not null,
    amount       numeric(18,2) not null check (amount >= 0),
    currency     text          not null check (currency ~ '^[A-Z]{3}$'),
    note         text,
    recorded_at  timestamptz   not null,
    recorded_by  text          not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, campaign_id) references campaign (workspace_id, id)
);
create index campaign_cost_by_day on campaign_cost (workspace_id, incurred_on, campaign_id);
create index campaign_cost_by_campaign on campaign_cost (workspace_id, campaign_id, incurred_on);

create table lead (
    workspace_id      text          not null references workspace,
    id                uuid          not null,
    external_id       text,
    email             text,
    email_normalized  text,
    first_name        text,
    last_name         text,
    phone             text,
    company_name      text,
    company_domain    text,
    annual_revenue    numeric(18,2) check (annual_revenue >= 0),
    employee_count    integer       check (employee_count >= 0),
    industry          text,
    job_title         text,
    seniority         text          not null,
    country           text          check (country ~ '^[A-Z]{2}$'),
    source            text,
    campaign_id       uuid,
    budget_status     text          not null,
    budget_amount     numeric(18,2) check (budget_amount >= 0),
    authority         text          not null,
    need              text          not null,
    timeline          text          not null,
    lifecycle_stage   text          not null,
    owner_id          text,
    custom_attributes jsonb         not null default '{}'::jsonb,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    erased_at         timestamptz,
    version           bigint        not null default 0,
    primary key (workspace_id, id),
    foreign key (workspace_id, campaign_id) references campaign (workspace_id, id)
);
create unique index lead_by_external_id on lead (workspace_id, external_id) where external_id is not null;
create unique index lead_by_email on lead (workspace_id, email_normalized) where email_normalized is not null;
create index lead_by_created on lead (workspace_id, created_at, id);
create index lead_by_updated on lead (workspace_id, updated_at, id);
create index lead_by_campaign on lead (workspace_id, campaign_id, created_at);

create table activity (
    workspace_id    text        not null,
    id              uuid        not null,
    lead_id         uuid        not null,
    client_event_id text        not null,
    type            text        not null,
    funnel_stage    text,
    content_tag     text,
    occurred_at     timestamptz not null,
    properties      jsonb       not null default '{}'::jsonb,
    recorded_at     timestamptz not null,
    primary key (workspace_id, id),
    constraint activity_client_event_unique unique (workspace_id, client_event_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id)
);
create index activity_by_lead on activity (workspace_id, lead_id, occurred_at desc, id desc);
