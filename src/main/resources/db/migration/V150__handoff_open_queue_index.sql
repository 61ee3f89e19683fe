-- The rep's queue (myHandoffs without states: the open ones) in its order: due first. handoff_by_owner (workspace_id,
-- owner, state, due_at) gives the due order within one state only, so the queue read all the rep's open handoffs and
-- sorted them; this partial index hands them over in order, and a page of 50 reads 50 rows. The compiled read writes
-- the states into its text (MyHandoffsPlanner) so that PostgreSQL can match this index in a generic plan.
create index handoff_open_queue on handoff (workspace_id, owner, due_at, id)
    where not imported and state in ('PENDING', 'ACCEPTED', 'OPPORTUNITY');
