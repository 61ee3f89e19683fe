-- A rescoring job is worked off in parts: disjoint ranges of lead ids, each with its own cursor, so that several
-- workers (threads of one pod, or pods) score one workspace in parallel. A part's cursor moves in the transaction that
-- writes its chunk of scores, so a crash loses at most one chunk per part and nothing is scored twice by a takeover.
create table scoring_job_part (
    workspace_id text    not null,
    job_id       uuid    not null,
    part         integer not null check (part >= 0),
    lower_bound  uuid    not null,  -- inclusive
    upper_bound  uuid,              -- exclusive; null: to the end of the id space
    last_lead_id uuid,              -- the last lead scored; null before the first chunk
    processed    integer not null default 0,
    done         boolean not null default false,
    primary key (workspace_id, job_id, part),
    foreign key (workspace_id, job_id) references scoring_job (workspace_id, id)
);
