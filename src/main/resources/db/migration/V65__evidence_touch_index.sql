-- The evidence cohort reads each handoff's logged touches (the outcome rule's "no logged touch for stalledAfterDays").
-- handoff_event_by_handoff finds all events of a handoff (created, assigned, answered, every touch...) and each must be
-- fetched from the heap to test its type; this partial index holds only the touches, with their times, so the read is
-- an index-only scan of exactly the rows it needs (docs/benchmarks.md, "Evidence API at scale").
create index handoff_event_touches on handoff_event (workspace_id, handoff_id, occurred_at) where type = 'TOUCH_LOGGED';
