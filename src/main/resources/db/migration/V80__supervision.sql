-- Supervision 监督: quarterly random phone revisits 随机电话回访 (samples, call tasks, attempts, results), 监督查评
-- findings and 综合点评 comments, and the audit of every step. Everything but the call task itself is append-only.

-- One sample per region and quarter (a redraw is refused). The seed, the method and the population's digest let an
-- auditor redraw it (ADR 0018).
create table sup_sample (
    id                bigserial primary key,
    region_code       char(12)     not null,
    quarter           char(6)      not null check (quarter ~ '^[0-9]{4}Q[1-4]$'),
    method            varchar(40)  not null,
    seed              bytea        not null,
    sample_percent    integer      not null,
    sample_min        integer      not null,
    sample_max        integer      not null,
    per_targeted_item integer      not null,
    -- the service items picked on purpose (new policies, many complaints), comma-separated, sorted
    targeted_items    varchar(2000),
    population        integer      not null,
    -- SM3 of the population's case numbers, sorted, one per line: tells an auditor whether the population changed
    population_digest bytea        not null,
    random_picks      integer      not null,
    targeted_picks    integer      not null,
    drawn_by          varchar(100) not null,
    drawn_role        varchar(20),
    drawn_at          timestamptz  not null,
    constraint sup_sample_once unique (region_code, quarter)
);

-- The drawn cases, in rank order: RANDOM picks first, then TARGETED picks item by item.
create table sup_sample_case (
    sample_id       bigint      not null references sup_sample (id),
    case_id         bigint      not null,
    case_no         varchar(64) not null,
    region_code     char(12)    not null,
    department_code varchar(18) not null,
    item_code       varchar(33) not null,
    completed_at    timestamptz not null,
    pick            varchar(10) not null check (pick in ('RANDOM', 'TARGETED')),
    rank            integer     not null,
    rank_key        bytea       not null,
    primary key (sample_id, case_id)
);

-- A phone call to make for one sampled case; the only table of the module whose rows change (assignment, attempts,
-- outcome), under a compared version.
create table sup_call_task (
    id               bigserial primary key,
    sample_id        bigint       not null references sup_sample (id),
    case_id          bigint       not null,
    case_no          varchar(64)  not null,
    region_code      char(12)     not null,
    department_code  varchar(18)  not null,
    item_code        varchar(33)  not null,
    quarter          char(6)      not null,
    pick             varchar(10)  not null,
    applicant_masked varchar(100),
    -- the number as shown in lists (138****5678); the full number only through the audited reveal
    mobile_masked    varchar(20),
    assignee_id      bigint,
    assignee_name    varchar(100),
    state            varchar(10)  not null check (state in ('OPEN', 'DONE')),
    outcome          varchar(15)  check (outcome in ('SATISFIED', 'NOT_SATISFIED', 'UNREACHABLE')),
    attempts         integer      not null default 0,
    created_at       timestamptz  not null,
    done_at          timestamptz,
    version          integer      not null default 0,
    constraint sup_call_task_once unique (sample_id, case_id),
    constraint sup_call_task_outcome check ((state = 'DONE') = (outcome is not null))
);
create index sup_call_task_region on sup_call_task (region_code, state);
create index sup_call_task_assignee on sup_call_task (assignee_id, state);

-- Every call attempt: who called, when, whether the rater answered and what they said.
create table sup_call_attempt (
    task_id     bigint        not null references sup_call_task (id),
    attempt_no  integer       not null check (attempt_no > 0),
    result      varchar(15)   not null check (result in ('SATISFIED', 'NOT_SATISFIED', 'NO_ANSWER')),
    comment     varchar(1000),
    called_by   varchar(100)  not null,
    caller_id   bigint,
    called_at   timestamptz   not null,
    primary key (task_id, attempt_no)
);

-- The results of the random revisits, their own source for statistics (是否满意): one row per finished call task.
create table sup_revisit_result (
    task_id         bigint       primary key references sup_call_task (id),
    sample_id       bigint       not null,
    region_code     char(12)     not null,
    quarter         char(6)      not null,
    department_code varchar(18)  not null,
    item_code       varchar(33)  not null,
    case_no         varchar(64)  not null,
    outcome         varchar(15)  not null check (outcome in ('SATISFIED', 'NOT_SATISFIED', 'UNREACHABLE')),
    comment         varchar(1000),
    attempts        integer      not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamptz  not null
);
create index sup_revisit_result_quarter on sup_revisit_result (quarter, region_code);

-- 监督查评 findings (source FINDING) and 综合点评 comments (source COMMENT), against an institution, window, staff
-- member or service item of the catalog.
create table sup_finding (
    id               bigserial primary key,
    source           varchar(10)   not null check (source in ('FINDING', 'COMMENT')),
    kind             varchar(20)   not null check (kind in ('INSPECTION', 'MYSTERY_VISIT', 'QUESTIONNAIRE',
                        'DEPUTY_EXPERIENCE', 'SUGGESTION_BOX', 'COMPLAINT_WINDOW', 'COMMENT_BOOK', 'HOTLINE', 'LETTER',
                        'EMAIL')),
    region_code      char(12)      not null,
    department_code  varchar(18),
    institution_code varchar(64),
    window_code      varchar(64),
    staff_no         varchar(64),
    item_code        varchar(33),
    observed_on      date          not null,
    description      varchar(2000) not null,
    problem          boolean       not null,
    recorded_by      varchar(100)  not null,
    recorded_role    varchar(20),
    recorded_at      timestamptz   not null,
    constraint sup_finding_target check (coalesce(institution_code, window_code, staff_no, item_code) is not null),
    constraint sup_finding_kind check ((source = 'FINDING') = (kind in ('INSPECTION', 'MYSTERY_VISIT',
        'QUESTIONNAIRE', 'DEPUTY_EXPERIENCE')))
);
create index sup_finding_region on sup_finding (region_code, recorded_at);

-- The work order a problem finding opened (same rectification path and deadlines).
create table sup_finding_order (
    finding_id    bigint      primary key references sup_finding (id),
    work_order_id bigint      not null,
    opened_at     timestamptz not null
);

-- Who did what, when, in this module — including every reveal of a rater's number.
create table sup_audit (
    id          bigserial primary key,
    subject     varchar(10)   not null check (subject in ('SAMPLE', 'CALL', 'FINDING')),
    subject_id  bigint        not null,
    region_code char(12),
    action      varchar(30)   not null,
    actor       varchar(100)  not null,
    actor_user  bigint,
    actor_key   bigint,
    actor_role  varchar(20),
    detail      varchar(2000),
    at          timestamptz   not null
);
create index sup_audit_subject on sup_audit (subject, subject_id, id);

create function sup_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'supervision records are append-only: % on % refused', tg_op, tg_table_name;
end
$$;

create trigger sup_sample_append_only before update or delete on sup_sample
    for each row execute function sup_refuse_change();
create trigger sup_sample_case_append_only before update or delete on sup_sample_case
    for each row execute function sup_refuse_change();
create trigger sup_call_attempt_append_only before update or delete on sup_call_attempt
    for each row execute function sup_refuse_change();
create trigger sup_revisit_result_append_only before update or delete on sup_revisit_result
    for each row execute function sup_refuse_change();
create trigger sup_finding_append_only before update or delete on sup_finding
    for each row execute function sup_refuse_change();
create trigger sup_finding_order_append_only before update or delete on sup_finding_order
    for each row execute function sup_refuse_change();
create trigger sup_audit_append_only before update or delete on sup_audit
    for each row execute function sup_refuse_change();
create trigger sup_sample_no_truncate before truncate on sup_sample
    for each statement execute function sup_refuse_change();
create trigger sup_sample_case_no_truncate before truncate on sup_sample_case
    for each statement execute function sup_refuse_change();
create trigger sup_call_attempt_no_truncate before truncate on sup_call_attempt
    for each statement execute function sup_refuse_change();
create trigger sup_revisit_result_no_truncate before truncate on sup_revisit_result
    for each statement execute function sup_refuse_change();
create trigger sup_finding_no_truncate before truncate on sup_finding
    for each statement execute function sup_refuse_change();
create trigger sup_finding_order_no_truncate before truncate on sup_finding_order
    for each statement execute function sup_refuse_change();
create trigger sup_audit_no_truncate before truncate on sup_audit
    for each statement execute function sup_refuse_change();
