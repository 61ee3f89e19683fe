-- Each accepted lead's prediction under the workspace's served ACCEPTED_LEADS model (issue 12 §2), stored like the
-- ALL_LEADS model's lead_prediction: written by the model's bulk pass once it is served and at ingest for changed leads,
-- read by Lead.acceptedPrediction. Derived rows without foreign-key checks, for the reasons V110 gives.
create table lead_accepted_prediction (
    workspace_id text             not null,
    lead_id      uuid             not null,
    model_id     uuid             not null,
    probability  double precision not null check (probability between 0 and 1),
    band         text             not null check (band in ('HIGH', 'MEDIUM', 'LOW')),
    factors      jsonb            not null,
    computed_at  timestamptz      not null,
    primary key (workspace_id, lead_id)
);
create index lead_accepted_prediction_by_model on lead_accepted_prediction (workspace_id, model_id);
