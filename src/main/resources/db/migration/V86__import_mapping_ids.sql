-- Saved import mappings become Relay Nodes (issue 15): a global id beside the name. Saving under the same name updates
-- the row in place, so a mapping keeps its id across saves.
alter table import_mapping add column id uuid not null default gen_random_uuid();
alter table import_mapping add constraint import_mapping_id_unique unique (workspace_id, id);
