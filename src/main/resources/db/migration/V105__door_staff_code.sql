-- Printed staff codes 一码一账号 (ADR 0021): the random code behind /q/{code} on the card at a window, bound to one
-- staff member at their own window. Re-issuing revokes the old code; a revoked code is kept (it still resolves, as
-- "replaced"), so rows are never deleted and only revoked_at may be set, once. (Not named *_refuse_change: the
-- runtime role keeps UPDATE, which that convention would revoke.)
create table door_staff_code (
    id               bigserial    primary key,
    -- 96 random bits, base64url: 16 characters, unguessable
    code             varchar(32)  not null unique check (code ~ '^[A-Za-z0-9_-]{16,32}$'),
    staff_no         varchar(64)  not null,
    window_code      varchar(64)  not null,
    institution_code varchar(64)  not null,
    issued_at        timestamptz  not null,
    issued_by        varchar(100) not null,
    revoked_at       timestamptz,
    check (revoked_at is null or revoked_at >= issued_at)
);
-- one active code per staff member: the database refuses a second, whatever the application does
create unique index door_staff_code_one_active on door_staff_code (staff_no) where revoked_at is null;
create index door_staff_code_institution on door_staff_code (institution_code) where revoked_at is null;

create function door_staff_code_only_revoke() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.revoked_at is null and new.revoked_at is not null
        and (new.id, new.code, new.staff_no, new.window_code, new.institution_code, new.issued_at, new.issued_by)
            is not distinct from (old.id, old.code, old.staff_no, old.window_code, old.institution_code, old.issued_at,
                                  old.issued_by) then
        return new;
    end if;
    raise exception 'printed staff codes are only ever revoked: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger door_staff_code_revoke_only before update or delete on door_staff_code
    for each row execute function door_staff_code_only_revoke();
create trigger door_staff_code_no_truncate before truncate on door_staff_code
    for each statement execute function door_staff_code_only_revoke();
