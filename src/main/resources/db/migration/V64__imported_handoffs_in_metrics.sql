-- Imported handoffs (V32, dealsImport) have no due time; their metrics facts keep it null, and handoff_sla_breached
-- (R__handoff_sla.sql) reads a null due time as never breached.
alter table metrics_handoff alter column due_at drop not null;
