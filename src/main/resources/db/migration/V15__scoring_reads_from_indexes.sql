-- Rescoring a million leads read 2.7 million activities through activity_by_lead and then the heap: activities arrive
-- in time order, so a lead's rows sit on as many heap pages as it has activities, and the heap visits were a third of
-- the job's database time. The index now carries every column scoring reads (type, stage, tag), so the read is an
-- index-only scan over the leads' adjacent index entries. Content tags are at most 100 characters (the API refuses
-- longer ones); the check keeps any other writer inside the index's row size too.
alter table activity add constraint activity_content_tag_length check (char_length(content_tag) <= 100);
create index activity_by_lead_covering on activity (workspace_id, lead_id, occurred_at desc, id desc)
    include (type, funnel_stage, content_tag);
drop index activity_by_lead;
alter index activity_by_lead_covering rename to activity_by_lead;

-- A score is found by lead (the lead's page, export, erasure) or by lead and version (served scores, frozen
-- evidence): a primary key led by the lead serves both, and the second index every score write maintained goes.
alter table lead_score drop constraint lead_score_pkey;
alter table lead_score add primary key (workspace_id, lead_id, version_id);
drop index lead_score_by_lead;

-- Live scoring rewrites a lead's score row in place; room left on each page lets that be a heap-only update (no new
-- index entry, the old version pruned with the page) instead of a move to another page.
alter table lead_score set (fillfactor = 85);
