-- Parallel batch writers of a CSV import (docs/import.md, "Resuming after a restart"): a slice of the file is split
-- into parts written by different writers, which may commit out of order. Each part records a done marker in its
-- own transaction; resume_after_row stays the end of the longest prefix of slices whose parts are all done, and a
-- resumed job skips the parts past it that have a marker. writers: the number of parts of every slice of the job,
-- fixed at its first run (rows are routed to parts by a hash, so a resumed job must split as the first run did).
alter table import_job add column writers integer;

create table import_batch_done (
    workspace_id text    not null,
    job_id       uuid    not null,
    after_row    bigint  not null,
    part         integer not null,
    last_row     bigint  not null,
    primary key (workspace_id, job_id, after_row, part),
    foreign key (workspace_id, job_id) references import_job (workspace_id, id) on delete cascade
);
