-- The bulk prediction of a million leads spent two thirds of its writing in PostgreSQL on the two foreign-key checks of
-- lead_prediction (predict-fast2, docs/benchmarks.md): per row a lookup of the lead that also locks it (FOR KEY SHARE
-- dirties the lead's heap page) and a lookup and lock of the model. Neither can fail: the only writers (the bulk pass
-- and the ingest, LeadPredictions) write the ids of leads they have just read under the model they serve, and leads
-- and predictive models are never deleted (erasure and merge are updates whose triggers delete the lead's prediction,
-- R__evidence_predict_erasure.sql and R__lead_merge.sql). A prediction is a derived row, recomputed from the lead and
-- the model; the checks are dropped, the index that finds a model's predictions stays.
alter table lead_prediction drop constraint lead_prediction_workspace_id_lead_id_fkey;
alter table lead_prediction drop constraint lead_prediction_workspace_id_model_id_fkey;
