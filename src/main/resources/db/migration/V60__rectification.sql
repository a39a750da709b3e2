-- Rectification 差评整改: work orders 工单, the cases and ratings they came from, evidence, extensions, replies to the
-- rater, revisit call attempts, overdue records and escalations, and the append-only audit of every step.
create table rct_work_order (
    id                 bigint       primary key,
    order_no           varchar(32)  not null unique,
    source             varchar(12)  not null check (source in ('BAD_REVIEW', 'FINDING', 'COMMENT')),
    -- what opened it, unique: a re-delivered event or a repeated call opens nothing new
    source_key         varchar(120) not null unique,
    state              varchar(24)  not null,
    region_code        char(12)     not null,
    department_code    varchar(18)  not null,
    staff_no           varchar(64),
    institution_code   varchar(64),
    window_code        varchar(64),
    item_code          varchar(33),
    level              smallint,
    summary            varchar(1000),
    -- the rater's mobile for the revisit call: encrypted, shown masked, revealed only by an audited call
    rater_mobile_enc   bytea,
    rater_mobile_masked varchar(20),
    profile_code       varchar(40)  not null,
    opened_at          timestamptz  not null,
    dispatched_at      timestamptz,
    -- the deadline of the current step (null when the step has none), which step it is, and the rectification round
    deadline           timestamptz,
    deadline_step      varchar(20),
    round              integer      not null default 1,
    paused_at          timestamptz,
    pause_appeal_id    bigint,
    overdue            boolean      not null default false,
    times_overdue      integer      not null default 0,
    escalated          boolean      not null default false,
    -- facts, each kept on its own (domain §7: replied, rectified with evidence and rater confirmed are distinct)
    verified_at        timestamptz,
    rectify_mode       varchar(10)  check (rectify_mode in ('AT_ONCE', 'LEDGER')),
    planned_by         date,
    rectified_at       timestamptz,
    unrectifiable      boolean      not null default false,
    replied_at         timestamptz,
    rater_answer       varchar(24),
    rater_answered_at  timestamptz,
    revisit_outcome    varchar(24),
    revisited_at       timestamptz,
    closed_at          timestamptz,
    version            integer      not null default 0
);
create sequence rct_work_order_seq;
create index rct_work_order_scope on rct_work_order (region_code, department_code, state);
create index rct_work_order_open_deadline on rct_work_order (deadline) where closed_at is null and deadline is not null;
create index rct_work_order_opened on rct_work_order (opened_at);
create index rct_work_order_staff on rct_work_order (staff_no) where staff_no is not null;

-- The ratings (one per case) an order was opened for: a rating opens at most one order.
create table rct_order_rating (
    order_id      bigint      not null references rct_work_order (id),
    evaluation_id bigint      not null unique,
    case_id       bigint      not null,
    case_no       varchar(64) not null,
    primary key (order_id, evaluation_id)
);

-- Evidence files (images, PDF), checked by their content, kept in the database.
create table rct_evidence (
    id           bigserial    primary key,
    order_id     bigint       not null references rct_work_order (id),
    file_name    varchar(200) not null,
    content_type varchar(40)  not null,
    size_bytes   integer      not null,
    sha256       bytea        not null,
    content      bytea        not null,
    -- the step that used it (rectify …); null until then
    used_by      varchar(30),
    uploaded_at  timestamptz  not null,
    uploaded_by  varchar(100) not null
);
create index rct_evidence_order on rct_evidence (order_id);

-- Extension requests 延期申请 and the office's decisions.
create table rct_extension (
    id               bigserial    primary key,
    order_id         bigint       not null references rct_work_order (id),
    requested_at     timestamptz  not null,
    requested_by     varchar(100) not null,
    reason           varchar(1000) not null,
    current_deadline timestamptz  not null,
    new_deadline     timestamptz  not null,
    status           varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_at       timestamptz,
    decided_by       varchar(100),
    decision_reason  varchar(1000)
);
create unique index rct_extension_one_pending on rct_extension (order_id) where status = 'PENDING';

-- Replies to the rater 反馈: the status link's token is kept only as its hash; the rater's answer is its own fact.
create table rct_reply (
    id            bigserial    primary key,
    order_id      bigint       not null references rct_work_order (id),
    token_hash    bytea        not null unique,
    text          varchar(2000) not null,
    replied_at    timestamptz  not null,
    replied_by    varchar(100) not null,
    answer        varchar(24),
    answered_at   timestamptz
);
create index rct_reply_order on rct_reply (order_id);

-- Revisit call attempts 回访呼叫 that reached no one: three of them allow "unreachable".
create table rct_call_attempt (
    id         bigserial    primary key,
    order_id   bigint       not null references rct_work_order (id),
    round      integer      not null,
    called_at  timestamptz  not null,
    called_by  varchar(100) not null,
    note       varchar(500)
);
create index rct_call_attempt_order on rct_call_attempt (order_id, round);

-- A step that passed its deadline, once per order, step and round.
create table rct_overdue (
    order_id  bigint      not null references rct_work_order (id),
    step      varchar(20) not null,
    round     integer     not null,
    deadline  timestamptz not null,
    marked_at timestamptz not null,
    primary key (order_id, step, round)
);

-- Escalation to the office 督办 with a formal talk 约谈 for the person in charge: once per order.
create table rct_escalation (
    order_id        bigint       primary key references rct_work_order (id),
    escalated_at    timestamptz  not null,
    reason          varchar(500) not null,
    region_code     char(12)     not null,
    department_code varchar(18)  not null,
    talk_with       varchar(200) not null
);

-- Which rule profile a region uses (a region without a row inherits its parent's).
create table rct_region_profile (
    region_code  char(12)     primary key,
    profile_code varchar(40)  not null,
    set_at       timestamptz  not null,
    set_by       varchar(100) not null
);

-- The audit of every step 操作留痕: who, role, when, from, to, what, why. Append-only.
create table rct_audit (
    id          bigserial    primary key,
    order_id    bigint       not null,
    at          timestamptz  not null,
    user_id     bigint,
    key_id      bigint,
    actor       varchar(100) not null,
    role        varchar(20),
    action      varchar(40)  not null,
    from_state  varchar(24),
    to_state    varchar(24),
    reason      varchar(2000),
    details     varchar(4000)
);
create index rct_audit_order on rct_audit (order_id, id);

create function rct_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the work-order audit is append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger rct_audit_append_only before update or delete on rct_audit
    for each row execute function rct_audit_refuse_change();
create trigger rct_audit_no_truncate before truncate on rct_audit
    for each statement execute function rct_audit_refuse_change();
create trigger rct_escalation_append_only before update or delete on rct_escalation
    for each row execute function rct_audit_refuse_change();
create trigger rct_overdue_append_only before update or delete on rct_overdue
    for each row execute function rct_audit_refuse_change();
