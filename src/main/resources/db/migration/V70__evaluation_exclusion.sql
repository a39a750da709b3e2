-- Ratings excluded from statistics by an upheld appeal (申诉成立: 误评 or 恶意评价, domain §8, §10). The rating itself
-- stays in evl_evaluation, unchanged and sealed; an exclusion is a separate, append-only fact that names the decision
-- that made it, who and when. A rating is excluded at most once.
create table evl_exclusion (
    id               bigserial primary key,
    evaluation_id    bigint       not null unique references evl_evaluation (id),
    reason           varchar(10)  not null check (reason in ('MISTAKEN', 'MALICIOUS')),
    decision_ref     varchar(64)  not null,
    excluded_by      varchar(100) not null,
    excluded_by_role varchar(20),
    excluded_at      timestamptz  not null
);

create function evl_exclusion_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'rating exclusions are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger evl_exclusion_append_only before update or delete on evl_exclusion
    for each row execute function evl_exclusion_refuse_change();
create trigger evl_exclusion_no_truncate before truncate on evl_exclusion
    for each statement execute function evl_exclusion_refuse_change();

-- The ratings that count (domain §10: evaluations = stored ratings minus those excluded by an upheld appeal).
-- Every statistic reads this view, never evl_evaluation directly.
create view evl_counted as
select e.*
from evl_evaluation e
where not exists (select 1 from evl_exclusion x where x.evaluation_id = e.id);

-- A window staff member's own ratings, newest first (the staff screen); only rows that name a staff member.
create index evl_evaluation_staff on evl_evaluation (staff_no, id desc) where staff_no is not null;
