-- The predictive conversion score (issue 12 §2, docs/evidence.md "Predictive score"). A predictive_model row is both
-- the training job (QUEUED, RUNNING under a lease like scoring_job, see R__evidence_predict_claims.sql) and, once
-- finished, the versioned model it produced, kept for the record:
--   SERVED              the workspace's served model (at most one)
--   TRAINED             passed the AUC floor and was served, replaced since by a newer model
--   NOT_SERVED_LOW_AUC  trained and evaluated, holdout AUC below the floor: stored, never served; reason says why
--   NOT_ENOUGH_DATA     below the minimum sample: no model; the counts and how many more are needed
--   FAILED              the job failed; reason names the error
create table predictive_model (
    workspace_id        text        not null references workspace,
    id                  uuid        not null,
    version             integer     not null check (version > 0),
    status              text        not null check (status in ('QUEUED', 'RUNNING', 'SERVED', 'TRAINED',
                                                               'NOT_SERVED_LOW_AUC', 'NOT_ENOUGH_DATA', 'FAILED')),
    trigger             text        not null check (trigger in ('ON_DEMAND', 'SCHEDULED')),
    requested_by        text,
    note                text check (length(note) <= 200),
    reason              text,
    created_at          timestamptz not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    heartbeat_at        timestamptz,
    lease_owner         text,
    lease_expires_at    timestamptz,
    decided             integer,
    won                 integer,
    not_won             integer,
    more_decided_needed integer,
    more_won_needed     integer,
    more_not_won_needed integer,
    training_leads      integer,
    holdout_leads       integer,
    holdout_won         integer,
    auc                 double precision,
    brier               double precision,
    top_decile_lift     double precision,
    calibration         jsonb,
    form                jsonb,
    predicted_leads     integer     not null default 0,
    primary key (workspace_id, id),
    unique (workspace_id, version)
);
-- One training at a time per workspace: a second start while one is queued or running is refused.
create unique index predictive_model_one_training on predictive_model (workspace_id) where status in ('QUEUED', 'RUNNING');
create unique index predictive_model_one_served on predictive_model (workspace_id) where status = 'SERVED';
create index predictive_model_pending on predictive_model (created_at) where status in ('QUEUED', 'RUNNING');

-- Each lead's prediction under the workspace's served model; replaced when the lead changes or a model is served.
create table lead_prediction (
    workspace_id text             not null,
    lead_id      uuid             not null,
    model_id     uuid             not null,
    probability  double precision not null check (probability between 0 and 1),
    band         text             not null check (band in ('HIGH', 'MEDIUM', 'LOW')),
    factors      jsonb            not null,
    computed_at  timestamptz      not null,
    primary key (workspace_id, lead_id),
    foreign key (workspace_id, lead_id) references lead (workspace_id, id),
    foreign key (workspace_id, model_id) references predictive_model (workspace_id, id)
);
create index lead_prediction_by_model on lead_prediction (workspace_id, model_id);
