-- Remote work orders (ADR 0033): ratings relayed by a registered lower platform that handles its own orders.

-- The lower platform (its app id) that relayed a rating; null for every rating made or received here otherwise.
-- evl_evaluation is append-only: the column is set at insert and never changed.
alter table evl_evaluation add column relayed_from varchar(64);

-- A remote order 下级平台工单: the lower platform's order of a relayed bad rating, shown read-only here and kept up to
-- date by its rectification records. remote_step is the highest step number applied (a step at or below it is a
-- re-send); a local order has all three null.
alter table rct_work_order add column remote_peer varchar(64);
alter table rct_work_order add column remote_order_no varchar(32);
alter table rct_work_order add column remote_step bigint;
alter table rct_work_order add constraint rct_work_order_remote_whole
    check ((remote_peer is null) = (remote_step is null));

-- Appeal decisions 申诉复核结果 taken at a lower platform about a relayed rating, once per (platform, appeal number):
-- an upheld one (MISTAKEN, MALICIOUS) also excluded the rating here; a rejected one is only recorded. Append-only.
create table rct_remote_appeal (
    peer           varchar(64)   not null,
    appeal_no      varchar(64)   not null,
    evaluation_id  bigint        not null,
    order_no       varchar(32),
    outcome        varchar(10)   not null check (outcome in ('MISTAKEN', 'MALICIOUS', 'REJECTED')),
    reason         varchar(1000) not null,
    decided_at     timestamptz   not null,
    received_at    timestamptz   not null,
    primary key (peer, appeal_no)
);
create index rct_remote_appeal_evaluation on rct_remote_appeal (evaluation_id);
create trigger rct_remote_appeal_append_only before update or delete on rct_remote_appeal
    for each row execute function rct_audit_refuse_change();
