-- A rectification record sent upward describes one step of a work order. The planned date and the revisit result it
-- carries must be those of that step, not those of the order when the record is built: with a backlog or a 补报
-- the order may have moved on (a reopened order has no planned date any more, a second revisit another result).
-- Every save of an order writes its row before its audit rows, so a BEFORE INSERT trigger copies the values as they
-- stand after the step. Rows written before this migration have no copy (step_snapshot false): they are read from
-- the order, as before.
alter table rct_audit
    add column planned_by      date,
    add column revisit_outcome varchar(24),
    add column step_snapshot   boolean not null default false;

create function rct_audit_step_snapshot() returns trigger language plpgsql as $$
begin
    select o.planned_by, o.revisit_outcome into new.planned_by, new.revisit_outcome
      from rct_work_order o where o.id = new.order_id;
    new.step_snapshot := true;
    return new;
end
$$;
create trigger rct_audit_step_snapshot before insert on rct_audit
    for each row execute function rct_audit_step_snapshot();
