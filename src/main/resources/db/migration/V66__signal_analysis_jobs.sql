-- Signal analyses of large cohorts as jobs (docs/evidence.md, "Large cohorts as a job"; io.leadproof.evidence.analysisjob):
-- queued by signalAnalysisStart with the input of signalAnalysis, claimed under a lease by one pod
-- (claim_signal_analysis_job in R__evidence_analysis_job_claims.sql), run in one pass, the answer kept as JSON (the
-- deals of both groups by lead id, re-read page by page as of the job's asOf). A pod that dies loses its lease;
-- another pod claims the job and runs it again from the start.
create table signal_analysis_job (
    workspace_id      text        not null,
    id                uuid        not null,
    input             jsonb       not null,
    as_of             timestamptz not null,
    state             text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    progress          real        not null default 0 check (progress between 0 and 1),
    attempts          integer     not null default 0,
    result            jsonb,
    error             text,
    requested_by      text        not null,
    created_at        timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    heartbeat_at      timestamptz,
    lease_owner       text,
    lease_expires_at  timestamptz,
    primary key (workspace_id, id)
);
create index signal_analysis_job_pending on signal_analysis_job (state, created_at) where state in ('QUEUED', 'RUNNING');
