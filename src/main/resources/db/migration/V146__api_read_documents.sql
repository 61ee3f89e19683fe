-- The frozen evidence of a handoff and the rules of a criteria version as the API renders them (issue 14): the compiled
-- reads emit these documents as they are instead of typing every contribution, attribute and rule per request.
-- json, not jsonb: the text is kept as written, keys in the API's order. Written only by the triggers of
-- R__api_read_documents.sql; null (rows written before them) means "not rendered": the reads then render from the
-- stored evidence with the same functions.
alter table handoff add column api_contributions json, add column api_lead_attributes json;
alter table criteria_version add column api_rules json;
