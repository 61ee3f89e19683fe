-- The bulk prediction of a served model (V70) runs in parts: the lead-id space is cut into equal ranges, each walked
-- page by page on its own connection, in parallel (docs/benchmarks.md, "Bulk prediction and accepted-lead model").
-- Each part keeps its own persisted cursor (after_id, the last lead id done in the range), moved in the transaction that
-- writes the page's predictions, so a pass interrupted anywhere resumes every part after its last committed page and
-- writes no lead twice. The lease stays on predictive_model (bulk_lease_*); predicted_leads is the sum of written.
create table prediction_bulk_part (
    workspace_id text    not null,
    model_id     uuid    not null,
    part         integer not null check (part >= 0),
    lower_id     uuid    not null,
    upper_id     uuid,
    after_id     uuid,
    done         boolean not null default false,
    written      integer not null default 0,
    primary key (workspace_id, model_id, part),
    foreign key (workspace_id, model_id) references predictive_model (workspace_id, id) on delete cascade
);

-- A pass left RUNNING by an older pod walked one sequence (bulk_after); it starts again in parts (the upsert is idempotent).
update predictive_model set bulk_state = 'PENDING', bulk_after = null where bulk_state = 'RUNNING';
