-- The last edit of a criteria version (its rules or thresholds), stamped in database time whatever the writer: the
-- publish policy (io.leadproof.evidence.backtesting.PublishPolicyCheck) refuses a version whose newest successful
-- backtest started before it. A backtest records the version's last_edited_at when it compiles the version, so
-- "a backtest newer than the last edit" is "a backtest that saw the current last_edited_at".
create or replace function criteria_version_edited() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.last_edited_at := coalesce(new.last_edited_at, clock_timestamp());
    elsif new.rules is distinct from old.rules or new.mql_threshold is distinct from old.mql_threshold
          or new.min_fit is distinct from old.min_fit or new.min_engagement is distinct from old.min_engagement then
        new.last_edited_at := clock_timestamp();
    end if;
    return new;
end $$;

drop trigger if exists criteria_version_edited on criteria_version;
create trigger criteria_version_edited before insert or update on criteria_version
    for each row execute function criteria_version_edited();
