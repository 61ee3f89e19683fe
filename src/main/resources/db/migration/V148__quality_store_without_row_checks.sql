-- The database half of a lead import (issue 17, branch import-pg, docs/benchmarks.md): per new lead the quality store
-- wrote three duplicate keys and a verdict, and each of those four rows ran a foreign-key check on lead (a lookup of the
-- lead that also locks it: FOR KEY SHARE dirties the lead's heap page, as V110 found for lead_prediction). At 10,000
-- imported leads the key insert took 5.1 s and the verdict insert 3.9 s of statement time, more than the lead insert
-- without its triggers. Neither check can fail: the only writer (QualityWrites, through QualityRefresh) writes the ids of
-- leads of its own transaction that it has just written or read, under the workspace's row-level policy. Leads are not
-- deleted by the application (erasure and merge are updates whose functions delete the lead's keys and verdict,
-- R__privacy_erasure.sql and R__lead_merge.sql); the cascade of a delete is kept, set-based, by a statement trigger on
-- lead (R__quality_store_follows_lead.sql). Keys and verdicts are derived rows, recomputed from the lead.
alter table lead_duplicate_key drop constraint lead_duplicate_key_workspace_id_lead_id_fkey;
alter table lead_quality drop constraint lead_quality_workspace_id_lead_id_fkey;
