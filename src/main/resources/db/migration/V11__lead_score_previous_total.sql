-- The total a score had before its latest write. The upsert of a batch of scores returns it, so the ledger's
-- "old → new" needs no separate read of the previous scores: that read was the one statement whose plan depended on
-- fresh statistics (a version being scored for the first time looks empty to the planner until it is analysed).
alter table lead_score add column previous_total integer;
comment on column lead_score.previous_total is 'total before the latest write of this row; null when the latest write created it';
