-- Entities are updated by their @Id alone. A natural key (a rep's user name, a reason code) repeats
-- across workspaces, so such rows get a globally unique surrogate id; the natural key stays unique
-- within its workspace.
alter table sales_rep add column id uuid not null default gen_random_uuid();
alter table sales_rep drop constraint sales_rep_pkey;
alter table sales_rep add primary key (workspace_id, id);
alter table sales_rep add constraint sales_rep_user_name_unique unique (workspace_id, user_name);

alter table handoff drop constraint handoff_workspace_id_rejection_code_fkey;
alter table rejection_reason add column id uuid not null default gen_random_uuid();
alter table rejection_reason drop constraint rejection_reason_pkey;
alter table rejection_reason add primary key (workspace_id, id);
alter table rejection_reason add constraint rejection_reason_code_unique unique (workspace_id, code);
alter table handoff add constraint handoff_rejection_code_fkey
    foreign key (workspace_id, rejection_code) references rejection_reason (workspace_id, code);
