-- The outbox 上报队列 is filled by triggers, in the transaction of the fact itself (ADR 0032): a fact that commits
-- has its row, a fact that rolls back has none. Nothing is queued while no enabled upper platform is registered
-- (补报 by period or region covers earlier facts). A fact waiting untouched in the queue is not queued twice: the
-- record is built from the tables at push time, so the waiting row already carries the change. A row a worker holds
-- (locked) is skipped, so a change made while it is being sent gets a row of its own.

create function xch_upper_exists() returns boolean language sql stable as $$
    select exists (select 1 from xch_peer where direction = 'UPPER' and enabled)
$$;

-- Queues one fact unless an untouched row of it is waiting.
create function xch_queue(p_kind varchar, p_ref bigint, p_sub bigint, p_case varchar, p_region char(12),
                          p_at timestamptz) returns void language plpgsql as $$
begin
    perform 1 from xch_outbox
     where case_key = p_case and kind = p_kind and ref_id = p_ref and ref_sub is not distinct from p_sub
       and status = 'PENDING' and attempts = 0
       for update skip locked;
    if not found then
        insert into xch_outbox (kind, ref_id, ref_sub, case_key, region_code, occurred_at, queued_at, next_attempt_at)
        values (p_kind, p_ref, p_sub, p_case, p_region, p_at, now(), now());
    end if;
end
$$;

-- 服务记录: every service event, and every change of a case's status (sent with its latest service event).
create function xch_queue_service_event() returns trigger language plpgsql as $$
declare
    c record;
begin
    if xch_upper_exists() then
        select id, case_no, region_code into c from cas_case where id = new.case_id;
        perform xch_queue('SERVICE', c.id, new.service_no::bigint, c.case_no, c.region_code, new.occurred_at);
    end if;
    return null;
end
$$;
create trigger xch_outbox_service_event after insert on cas_service_event
    for each row execute function xch_queue_service_event();

create function xch_queue_case_status() returns trigger language plpgsql as $$
declare
    last_no integer;
begin
    if new.status is distinct from old.status and xch_upper_exists() then
        select max(service_no) into last_no from cas_service_event where case_id = new.id;
        if last_no is not null then
            perform xch_queue('SERVICE', new.id, last_no::bigint, new.case_no, new.region_code,
                              coalesce(new.completed_at, now()));
        end if;
    end if;
    return null;
end
$$;
create trigger xch_outbox_case_status after update of status on cas_case
    for each row execute function xch_queue_case_status();

-- 评价记录: active and default ratings alike.
create function xch_queue_evaluation() returns trigger language plpgsql as $$
begin
    if xch_upper_exists() then
        perform xch_queue('EVALUATE', new.id, null, new.case_no, new.region_code, new.assessed_at);
    end if;
    return null;
end
$$;
create trigger xch_outbox_evaluation after insert on evl_evaluation
    for each row execute function xch_queue_evaluation();

-- 整改记录: every step that moves a work order opened for ratings, once per linked rating. A step recorded before
-- the order's ratings are linked (in the same transaction) is queued when the link is made.
create function xch_queue_order_step() returns trigger language plpgsql as $$
declare
    r record;
begin
    if new.to_state is not null and xch_upper_exists() then
        for r in select l.evaluation_id, l.case_no, o.region_code
                   from rct_order_rating l join rct_work_order o on o.id = l.order_id
                  where l.order_id = new.order_id loop
            perform xch_queue('RECTIFICATION', new.id, r.evaluation_id, r.case_no, r.region_code, new.at);
        end loop;
    end if;
    return null;
end
$$;
create trigger xch_outbox_order_step after insert on rct_audit
    for each row execute function xch_queue_order_step();

create function xch_queue_order_link() returns trigger language plpgsql as $$
declare
    s record;
begin
    if xch_upper_exists() then
        for s in select a.id, a.at, o.region_code
                   from rct_audit a join rct_work_order o on o.id = a.order_id
                  where a.order_id = new.order_id and a.to_state is not null
                  order by a.id loop
            perform xch_queue('RECTIFICATION', s.id, new.evaluation_id, new.case_no, s.region_code, s.at);
        end loop;
    end if;
    return null;
end
$$;
create trigger xch_outbox_order_link after insert on rct_order_rating
    for each row execute function xch_queue_order_link();

-- 申诉复核结果: one row per rating the decision covers.
create function xch_queue_appeal_decision() returns trigger language plpgsql as $$
declare
    e record;
begin
    if xch_upper_exists() then
        for e in select id, case_no from evl_evaluation where id = any (new.evaluation_ids) order by id loop
            perform xch_queue('APPEAL', new.id, e.id, e.case_no, new.region_code, new.decided_at);
        end loop;
    end if;
    return null;
end
$$;
create trigger xch_outbox_appeal_decision after insert on apl_decision
    for each row execute function xch_queue_appeal_decision();
