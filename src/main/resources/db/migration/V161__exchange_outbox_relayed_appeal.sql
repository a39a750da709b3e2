-- Appeal decisions 申诉复核结果 relayed from a lower platform go up like our own (ADR 0032): a county's upheld appeal
-- recorded at the city (rct_remote_appeal, ADR 0033) reaches the province, which then leaves the rating out too.
-- Numbered after V160, which creates rct_remote_appeal.

-- Where an outbox row's ref_id points: LOCAL the tables of our own facts (for APPEAL apl_decision.id), RELAYED a fact
-- a lower platform sent us (for APPEAL rct_remote_appeal.id). The kind stays the national list the record goes in.
alter table xch_outbox add column source varchar(7) not null default 'LOCAL'
    check (source in ('LOCAL', 'RELAYED'));
alter table xch_outbox add constraint xch_outbox_relayed_kind check (source = 'LOCAL' or kind = 'APPEAL');

-- A stable number for a relayed appeal decision, for the outbox to point at; the key stays (peer, appeal_no).
-- (Adding the column rewrites no row through the append-only trigger: row triggers do not fire on ALTER TABLE.)
alter table rct_remote_appeal add column id bigint generated always as identity;
alter table rct_remote_appeal add constraint rct_remote_appeal_id unique (id);

-- Queues one fact of a source unless an untouched row of it is waiting.
create function xch_queue(p_kind varchar, p_ref bigint, p_sub bigint, p_case varchar, p_region char(12),
                          p_at timestamptz, p_source varchar) returns void language plpgsql as $$
begin
    perform 1 from xch_outbox
     where case_key = p_case and kind = p_kind and source = p_source and ref_id = p_ref
       and ref_sub is not distinct from p_sub and status = 'PENDING' and attempts = 0
       for update skip locked;
    if not found then
        insert into xch_outbox (kind, source, ref_id, ref_sub, case_key, region_code, occurred_at, queued_at,
                                next_attempt_at)
        values (p_kind, p_source, p_ref, p_sub, p_case, p_region, p_at, now(), now());
    end if;
end
$$;

-- Our own facts, as the triggers of V155 queue them.
create or replace function xch_queue(p_kind varchar, p_ref bigint, p_sub bigint, p_case varchar, p_region char(12),
                                     p_at timestamptz) returns void language plpgsql as $$
begin
    perform xch_queue(p_kind, p_ref, p_sub, p_case, p_region, p_at, 'LOCAL');
end
$$;

-- 申诉复核结果 of a lower platform: one row for the rating it is about, case_key the rating's case number (so it goes
-- up after the rating and the order's steps), region the rating's region.
create function xch_queue_relayed_appeal() returns trigger language plpgsql as $$
declare
    e record;
begin
    if xch_upper_exists() then
        select id, case_no, region_code into e from evl_evaluation where id = new.evaluation_id;
        if found then
            perform xch_queue('APPEAL', new.id, e.id, e.case_no, e.region_code, new.decided_at, 'RELAYED');
        end if;
    end if;
    return null;
end
$$;
create trigger xch_outbox_relayed_appeal after insert on rct_remote_appeal
    for each row execute function xch_queue_relayed_appeal();
