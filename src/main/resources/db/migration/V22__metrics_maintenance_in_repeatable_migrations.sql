-- The definitions of the metrics (views, functions, triggers) now live in repeatable migrations, one file per concern:
-- R__metrics_facts.sql, R__metrics_maintenance.sql, R__metrics_compaction.sql and R__handoff_sla.sql, which Flyway
-- applies after this migration (docs/architecture.md, "Definitions in repeatable migrations").
--
-- The per-row maintenance of V4 (one refresh per handoff row, with its own delta function) and the set-based one of V10
-- (for leads without handoffs) were two implementations of the same thing; metrics_refresh in R__metrics_maintenance.sql
-- is the one that remains, called once per statement on lead and on handoff. What it replaces goes here.
drop trigger metrics_handoff_inserted on handoff;
drop trigger metrics_handoff_deleted on handoff;
drop trigger metrics_handoff_updated on handoff;
drop function metrics_handoff_changed();
drop function metrics_lead_changed();
drop function metrics_refresh_leads(text, uuid[]);
drop function metrics_refresh_lead(text, uuid, boolean, boolean);
drop function metrics_lead_delta(metrics_lead, metrics_lead);
