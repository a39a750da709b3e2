-- Appeals 申诉复核 (domain §8). One appeal per work order: while it is pending the order's deadlines are paused, and
-- the office's decision is final. The appeal row carries its state; every step is also an append-only audit row,
-- the evidence, the decision and the credit records are append-only.
create table apl_appeal (
    id                  bigserial primary key,
    order_id            bigint        not null,
    order_no            varchar(64)   not null,
    evaluation_ids      bigint[]      not null,
    case_nos            varchar(64)[] not null,
    region_code         char(12)      not null,
    department_code     varchar(18),
    staff_no            varchar(64),
    reason              varchar(1000) not null,
    evidence_text       varchar(4000),
    filed_by_user       bigint,
    filed_by_key        bigint,
    filed_by            varchar(100)  not null,
    filed_by_role       varchar(20)   not null,
    order_received_at   timestamptz   not null,
    filed_at            timestamptz   not null,
    decide_by           timestamptz   not null,
    state               varchar(10)   not null check (state in ('PENDING', 'UPHELD', 'REJECTED')),
    overdue_flagged_at  timestamptz,
    decided_at          timestamptz,
    constraint apl_one_appeal_per_order unique (order_id)
);
-- The filing is fixed once stored; a decision is final; an overdue flag is set once. Only those changes pass.
create function apl_appeal_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'appeals are kept: DELETE on apl_appeal refused';
    end if;
    if (new.id, new.order_id, new.order_no, new.evaluation_ids, new.case_nos, new.region_code, new.department_code,
        new.staff_no, new.reason, new.evidence_text, new.filed_by_user, new.filed_by_key, new.filed_by,
        new.filed_by_role, new.order_received_at, new.filed_at, new.decide_by)
       is distinct from
       (old.id, old.order_id, old.order_no, old.evaluation_ids, old.case_nos, old.region_code, old.department_code,
        old.staff_no, old.reason, old.evidence_text, old.filed_by_user, old.filed_by_key, old.filed_by,
        old.filed_by_role, old.order_received_at, old.filed_at, old.decide_by) then
        raise exception 'the filing of appeal % is fixed', old.id;
    end if;
    if old.state <> 'PENDING' and (new.state, new.decided_at) is distinct from (old.state, old.decided_at) then
        raise exception 'appeal % is decided; the decision is final', old.id;
    end if;
    if old.overdue_flagged_at is not null and new.overdue_flagged_at is distinct from old.overdue_flagged_at then
        raise exception 'appeal % was flagged overdue already', old.id;
    end if;
    return new;
end
$$;
create trigger apl_appeal_guard before update or delete on apl_appeal
    for each row execute function apl_appeal_guard();
create index apl_appeal_region on apl_appeal (region_code, filed_at desc);
create index apl_appeal_pending on apl_appeal (decide_by) where state = 'PENDING';

-- Evidence files, in the database like the rest of the record; type recognised from the content when stored.
create table apl_evidence (
    id           bigserial primary key,
    appeal_id    bigint       not null references apl_appeal (id),
    file_name    varchar(200) not null,
    content_type varchar(50)  not null,
    size_bytes   integer      not null,
    digest       bytea        not null,
    content      bytea        not null,
    stored_at    timestamptz  not null
);
create index apl_evidence_appeal on apl_evidence (appeal_id);

-- The office's decisions, kept for reporting upward.
create table apl_decision (
    id                bigserial primary key,
    appeal_id         bigint        not null unique references apl_appeal (id),
    order_id          bigint        not null,
    order_no          varchar(64)   not null,
    evaluation_ids    bigint[]      not null,
    region_code       char(12)      not null,
    department_code   varchar(18),
    staff_no          varchar(64),
    outcome           varchar(10)   not null check (outcome in ('MISTAKEN', 'MALICIOUS', 'REJECTED')),
    reason            varchar(1000) not null,
    decided_by_user   bigint,
    decided_by_key    bigint,
    decided_by        varchar(100)  not null,
    decided_by_role   varchar(20)   not null,
    filed_at          timestamptz   not null,
    decide_by         timestamptz   not null,
    decided_at        timestamptz   not null,
    late              boolean       not null
);
create index apl_decision_region on apl_decision (region_code, decided_at);

-- Every step of every appeal: who (person or key), in which role, when, what, why.
create table apl_audit (
    id          bigserial primary key,
    appeal_id   bigint        not null references apl_appeal (id),
    order_id    bigint        not null,
    action      varchar(20)   not null check (action in ('FILE', 'DECIDE', 'FLAG_OVERDUE')),
    actor_user  bigint,
    actor_key   bigint,
    actor       varchar(100)  not null,
    actor_role  varchar(20),
    at          timestamptz   not null,
    detail      varchar(1000)
);
create index apl_audit_appeal on apl_audit (appeal_id, id);

-- 信用档案: the rater of a rating an appeal found malicious. Identity encrypted (SM4-GCM) with keyed look-up hashes,
-- masked in every view. One entry per rater and decision.
create table apl_credit_record (
    id                bigserial primary key,
    appeal_id         bigint        not null references apl_appeal (id),
    decision_id       bigint        not null references apl_decision (id),
    order_no          varchar(64)   not null,
    evaluation_ids    bigint[]      not null,
    region_code       char(12)      not null,
    rater_name_enc    bytea,
    rater_cert_enc    bytea,
    rater_cert_hash   bytea,
    rater_mobile_enc  bytea,
    rater_mobile_hash bytea,
    reason            varchar(1000) not null,
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null
);
create index apl_credit_record_region on apl_credit_record (region_code, id desc);
create index apl_credit_record_cert on apl_credit_record (rater_cert_hash) where rater_cert_hash is not null;
create index apl_credit_record_mobile on apl_credit_record (rater_mobile_hash) where rater_mobile_hash is not null;

create function apl_evidence_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'appeal evidence is append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create function apl_decision_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'appeal decisions are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create function apl_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the appeal audit is append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create function apl_credit_record_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'credit records are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger apl_evidence_append_only before update or delete on apl_evidence
    for each row execute function apl_evidence_refuse_change();
create trigger apl_evidence_no_truncate before truncate on apl_evidence
    for each statement execute function apl_evidence_refuse_change();
create trigger apl_decision_append_only before update or delete on apl_decision
    for each row execute function apl_decision_refuse_change();
create trigger apl_decision_no_truncate before truncate on apl_decision
    for each statement execute function apl_decision_refuse_change();
create trigger apl_audit_append_only before update or delete on apl_audit
    for each row execute function apl_audit_refuse_change();
create trigger apl_audit_no_truncate before truncate on apl_audit
    for each statement execute function apl_audit_refuse_change();
create trigger apl_credit_record_append_only before update or delete on apl_credit_record
    for each row execute function apl_credit_record_refuse_change();
create trigger apl_credit_record_no_truncate before truncate on apl_credit_record
    for each statement execute function apl_credit_record_refuse_change();
