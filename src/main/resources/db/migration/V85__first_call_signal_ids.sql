-- First-call signal codes become Relay Nodes (issue 15): a global id beside the natural key. The code stays the key
-- touches refer to (handoff_touch_signal); the id is what clients cache and refetch by.
alter table first_call_signal add column id uuid not null default gen_random_uuid();
alter table first_call_signal add constraint first_call_signal_id_unique unique (workspace_id, id);
