-- Analytics 统计分析 (issue 8, ADR 0026): rollups kept current from change queues that triggers fill in the same
-- transaction as each fact, so that nothing committed is missed and intake does no aggregation work itself.
-- The analytics module reads other modules' tables read-only; these triggers and tables are its own.

-- A rating stored (+1) or excluded by an upheld appeal (-1).
create table ana_rating_change (
    id            bigserial primary key,
    evaluation_id bigint   not null,
    sign          smallint not null check (sign in (-1, 1))
);

create function ana_rating_stored() returns trigger language plpgsql as $$
begin
    insert into ana_rating_change (evaluation_id, sign) values (new.id, 1);
    return null;
end
$$;
create trigger ana_rating_stored after insert on evl_evaluation
    for each row execute function ana_rating_stored();

create function ana_rating_excluded() returns trigger language plpgsql as $$
begin
    insert into ana_rating_change (evaluation_id, sign) values (new.evaluation_id, -1);
    return null;
end
$$;
create trigger ana_rating_excluded after insert on evl_exclusion
    for each row execute function ana_rating_excluded();

-- A work order opened or changed (any column): its bad ratings' facts are recomputed.
create table ana_order_change (
    order_id bigint primary key
);
create function ana_order_changed() returns trigger language plpgsql as $$
begin
    insert into ana_order_change (order_id) values (new.id) on conflict do nothing;
    return null;
end
$$;
create trigger ana_order_changed after insert or update on rct_work_order
    for each row execute function ana_order_changed();

-- A case completed (or its completion changed): its coverage fact is recomputed. Ratings mark their case themselves
-- through ana_rating_change.
create table ana_case_change (
    case_id bigint primary key
);
create function ana_case_changed() returns trigger language plpgsql as $$
begin
    if new.completed_at is not null and (tg_op = 'INSERT' or old.completed_at is distinct from new.completed_at) then
        insert into ana_case_change (case_id) values (new.id) on conflict do nothing;
    end if;
    return null;
end
$$;
create trigger ana_case_changed after insert or update on cas_case
    for each row execute function ana_case_changed();

-- Counted ratings per unit and day. dim: R region (a rating counts for its region and every region above it),
-- N institution, D department, W window, S staff, I item.
create table ana_rating_rollup (
    dim        char(1)     not null,
    key        varchar(64) not null,
    day        date        not null,
    channel    varchar(20) not null,
    level      smallint    not null,
    is_default boolean     not null,
    n          integer     not null,
    primary key (dim, key, day, channel, level, is_default)
);

-- Counted bad ratings per unit, day and chosen indicator 差评原因 (dims R and D).
create table ana_reason_rollup (
    dim       char(1)     not null,
    key       varchar(64) not null,
    day       date        not null,
    channel   varchar(20) not null,
    indicator varchar(10) not null,
    n         integer     not null,
    primary key (dim, key, day, channel, indicator)
);

-- Counted bad ratings per unit, day and item (dims R and D): the items with most complaints.
create table ana_item_bad_rollup (
    dim       char(1)     not null,
    key       varchar(64) not null,
    day       date        not null,
    channel   varchar(20) not null,
    item_code varchar(33) not null,
    n         integer     not null,
    primary key (dim, key, day, channel, item_code)
);

-- One row per counted bad rating that has a work order, with where its order stands; day = the rating's assessed day.
create table ana_bad_fact (
    evaluation_id      bigint      primary key,
    order_id           bigint      not null,
    day                date        not null,
    channel            varchar(20) not null,
    region_code        char(12)    not null,
    department_code    varchar(18) not null,
    institution_code   varchar(64),
    window_code        varchar(64),
    staff_no           varchar(64),
    item_code          varchar(33) not null,
    valid              boolean     not null,
    replied            boolean     not null,
    rectified          boolean     not null,
    revisit_rectified  boolean     not null,
    revisited          boolean     not null,
    revisit_satisfied  boolean     not null,
    unrectifiable      boolean     not null,
    overdue            boolean     not null
);
create index ana_bad_fact_order on ana_bad_fact (order_id);

create table ana_bad_rollup (
    dim               char(1)     not null,
    key               varchar(64) not null,
    day               date        not null,
    channel           varchar(20) not null,
    valid             integer     not null,
    replied           integer     not null,
    rectified         integer     not null,
    revisit_rectified integer     not null,
    revisited         integer     not null,
    revisit_satisfied integer     not null,
    unrectifiable     integer     not null,
    overdue           integer     not null,
    primary key (dim, key, day, channel)
);

-- One row per completed case: whether it has any counted rating, and an active one; day = completed day.
create table ana_case_fact (
    case_id         bigint      primary key,
    day             date        not null,
    region_code     char(12)    not null,
    department_code varchar(18) not null,
    item_code       varchar(33) not null,
    rated           boolean     not null,
    rated_active    boolean     not null
);

-- Completed cases per unit and day (dims R, D, I).
create table ana_case_rollup (
    dim          char(1)     not null,
    key          varchar(64) not null,
    day          date        not null,
    completed    integer     not null,
    rated        integer     not null,
    rated_active integer     not null,
    primary key (dim, key, day)
);

-- Up to when the rollups include every committed fact.
create table ana_rollup_state (
    id         smallint    primary key check (id = 1),
    caught_up  timestamptz not null
);
insert into ana_rollup_state (id, caught_up) values (1, timestamptz 'epoch');

-- Appeals and random revisits are few: read directly, by region and filing/recording time.
create index if not exists apl_appeal_region_filed on apl_appeal (region_code, filed_at);
create index if not exists sup_revisit_result_region_time on sup_revisit_result (region_code, recorded_at);

-- Facts stored before this migration are queued once, so that the first catch-up builds the rollups from them.
insert into ana_rating_change (evaluation_id, sign) select id, 1 from evl_evaluation order by id;
insert into ana_rating_change (evaluation_id, sign) select evaluation_id, -1 from evl_exclusion order by id;
insert into ana_order_change (order_id) select id from rct_work_order;
insert into ana_case_change (case_id) select id from cas_case where completed_at is not null;
