-- Evaluations 评价: append-only. Each row carries an SM3 hash of its content; rows are sealed into a chain of
-- blocks whose digests link back to the first. Triggers refuse UPDATE, DELETE and TRUNCATE.
create table evl_evaluation (
    id                bigserial primary key,
    case_id           bigint       not null,
    case_no           varchar(64)  not null,
    service_no        integer      not null,
    -- the rating slot: the service number for a 承诺件 visit, 0 for cases rated once after completion
    slot              integer      not null,
    channel           varchar(20)  not null,
    level             smallint     not null check (level between 1 and 5),
    indicators        varchar(200),
    indicator_version integer,
    comment           varchar(1000),
    assessed_at       timestamptz  not null,
    assess_number     smallint     not null default 1,
    is_default        boolean      not null,
    scope             varchar(10)  not null check (scope in ('SINGLE', 'BATCH', 'CHAIN')),
    group_id          uuid,
    batch_no          varchar(64),
    chain_no          varchar(64),
    region_code       char(12)     not null,
    department_code   varchar(18)  not null,
    item_code         varchar(33)  not null,
    staff_no          varchar(64),
    window_code       varchar(64),
    rater_name_enc    bytea,
    rater_cert_enc    bytea,
    rater_cert_hash   bytea,
    rater_mobile_enc  bytea,
    rater_mobile_hash bytea,
    source            varchar(10)  not null,
    received_at       timestamptz  not null,
    content_hash      bytea        not null,
    constraint evl_once_per_slot unique (case_id, slot)
);
create index evl_evaluation_case_no on evl_evaluation (case_no);
create index evl_evaluation_region_time on evl_evaluation (region_code, assessed_at);

create table evl_seal_block (
    block_no    bigint primary key,
    prev_digest bytea       not null,
    digest      bytea       not null,
    ratings     integer     not null,
    first_id    bigint      not null,
    last_id     bigint      not null,
    sealed_at   timestamptz not null
);

create table evl_seal_link (
    evaluation_id bigint primary key,
    block_no      bigint not null
);
create index evl_seal_link_block on evl_seal_link (block_no);

create function evl_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'evaluations are append-only: % on % refused', tg_op, tg_table_name;
end
$$;

create trigger evl_evaluation_append_only before update or delete on evl_evaluation
    for each row execute function evl_refuse_change();
create trigger evl_evaluation_no_truncate before truncate on evl_evaluation
    for each statement execute function evl_refuse_change();
create trigger evl_seal_block_append_only before update or delete on evl_seal_block
    for each row execute function evl_refuse_change();
create trigger evl_seal_link_append_only before update or delete on evl_seal_link
    for each row execute function evl_refuse_change();
create trigger evl_seal_block_no_truncate before truncate on evl_seal_block
    for each statement execute function evl_refuse_change();
create trigger evl_seal_link_no_truncate before truncate on evl_seal_link
    for each statement execute function evl_refuse_change();

-- Completed cases waiting for a rating: reminder after 1 working day, default after 4 more.
create table evl_pending (
    case_id          bigint primary key,
    case_no          varchar(64) not null,
    service_no       integer     not null,
    completed_at     timestamptz not null,
    reminder_sent_at timestamptz,
    created_at       timestamptz not null
);

-- SMS invitations: a reply 1–5 from that mobile rates the latest open one.
create table evl_sms_invitation (
    id          bigserial primary key,
    case_id     bigint      not null unique,
    case_no     varchar(64) not null,
    mobile_hash bytea       not null,
    sent_at     timestamptz not null,
    status      varchar(10) not null check (status in ('OPEN', 'ANSWERED')),
    answered_at timestamptz
);
create index evl_sms_invitation_open on evl_sms_invitation (mobile_hash, sent_at desc) where status = 'OPEN';
