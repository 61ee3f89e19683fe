-- An erased lead keeps no prediction (of either model): its factors quote its values (job title, email domain, …). The row is deleted
-- when the lead is erased (docs/privacy.md: erasure anonymises in place; a prediction is derived data, not a record a
-- metric reads), and erased leads are never predicted again (they are not scorable, see CurrentLeads).
create or replace function evidence_predict_forget_erased() returns trigger language plpgsql as $$
begin
    delete from lead_prediction where workspace_id = new.workspace_id and lead_id = new.id;
    delete from lead_accepted_prediction where workspace_id = new.workspace_id and lead_id = new.id;
    return new;
end $$;

drop trigger if exists lead_prediction_forget_erased on lead;
create trigger lead_prediction_forget_erased after update of erased_at on lead
    for each row when (old.erased_at is null and new.erased_at is not null) execute function evidence_predict_forget_erased();
