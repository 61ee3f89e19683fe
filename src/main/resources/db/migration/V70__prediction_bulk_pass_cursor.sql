-- The bulk prediction after a model is served (issue 12 §2) is a job of its own that survives a pod crash: it walks the
-- workspace's leads in id order, page by page, and each page's transaction writes the predictions and moves the
-- persisted cursor (bulk_after, the last lead id done) together, under a lease (bulk_lease_*) that another pod takes over
-- once it runs out (R__evidence_predict_claims.sql, claim_prediction_bulk), resuming after the cursor.
--   PENDING  the model was just served; no pod has started the pass
--   RUNNING  a pod holds the lease (or held it and died)
--   DONE     every lead was predicted under this model
--   STOPPED  a newer model was served first; the newer one's pass predicts every lead
alter table predictive_model
    add column bulk_state            text check (bulk_state in ('PENDING', 'RUNNING', 'DONE', 'STOPPED')),
    add column bulk_after            uuid,
    add column bulk_lease_owner      text,
    add column bulk_lease_expires_at timestamptz,
    add column bulk_finished_at      timestamptz;
create index predictive_model_bulk_open on predictive_model (created_at) where bulk_state in ('PENDING', 'RUNNING');

-- Models served before this migration had their pass run inside the training job.
update predictive_model set bulk_state = 'DONE', bulk_finished_at = finished_at where status in ('SERVED', 'TRAINED');
