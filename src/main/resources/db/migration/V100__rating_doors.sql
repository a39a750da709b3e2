-- Every door a person rates through (ADR 0020). A rating entered by a signed-in person for the rater (the 12345
-- operator, a staff member typing in a paper form) names that person and the reference they gave. Both are hashed
-- with the row only when set, so the content hash of every earlier row is unchanged.
alter table evl_evaluation add column submitted_by_user bigint;
alter table evl_evaluation add column reference varchar(64);

-- 纸质评价表: a form number is entered once. The row commits with the rating it carries, or not at all.
create table evl_paper_form (
    form_no       varchar(64)  primary key,
    case_no       varchar(64)  not null,
    evaluation_id bigint       not null,
    entered_by    bigint       not null,
    entered_at    timestamptz  not null,
    scan          bytea,
    scan_type     varchar(20),
    constraint evl_paper_form_scan check ((scan is null) = (scan_type is null))
);

create function evl_paper_form_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'paper forms are append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger evl_paper_form_append_only before update or delete on evl_paper_form
    for each row execute function evl_paper_form_refuse_change();
create trigger evl_paper_form_no_truncate before truncate on evl_paper_form
    for each statement execute function evl_paper_form_refuse_change();

-- Idempotency keys of rating requests (the evaluator's offline queue re-sends until acknowledged): the first answer
-- is kept and a replay with the same key, from the same token, gets it again instead of a second row or a 409.
create table evl_idempotency (
    scope_hash     bytea        not null,
    idem_key       varchar(64)  not null,
    evaluation_ids bigint[]     not null,
    created_at     timestamptz  not null,
    primary key (scope_hash, idem_key)
);
create index evl_idempotency_created on evl_idempotency (created_at);
