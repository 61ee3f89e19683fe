-- Two kinds of predictive model per workspace (issue 12 §2, docs/evidence.md "Predictive score"):
--   ALL_LEADS       trained on every decided handoff as of the handoff; predicts every lead (lead_prediction, bulk pass)
--   ACCEPTED_LEADS  trained on decided handoffs that sales accepted, as of the handoff plus the first-call signals logged
--                   within the first-call window (the reference moment is the window's end); predicts accepted handoffs
-- Each kind has its own served model and its own training at a time; versions stay numbered per workspace.
alter table predictive_model
    add column population text not null default 'ALL_LEADS' check (population in ('ALL_LEADS', 'ACCEPTED_LEADS'));
drop index predictive_model_one_training;
create unique index predictive_model_one_training on predictive_model (workspace_id, population) where status in ('QUEUED', 'RUNNING');
drop index predictive_model_one_served;
create unique index predictive_model_one_served on predictive_model (workspace_id, population) where status = 'SERVED';
