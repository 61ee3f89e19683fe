-- lead_score is derived data, written only by scoring for leads it has just read in the same transaction, and leads
-- are never deleted by the application (erasure anonymises the row). Its foreign key to lead cost more than it
-- protected: every score written checked the key with a row lock on the lead (FOR KEY SHARE), which marks and dirties
-- the lead's row, so a rescore of a million leads rewrote a million lead rows as well as the scores. Without it, a
-- lead deleted by hand leaves its score rows behind: delete them with the lead.
alter table lead_score drop constraint lead_score_workspace_id_lead_id_fkey;
