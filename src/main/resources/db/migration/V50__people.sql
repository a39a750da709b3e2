-- Accounts of people (12345 operators, department handlers, offices, window staff, assessors, administrators).
-- Systems keep their API keys (sec_api_key). The mobile is personal data: SM4-GCM encrypted, plus a keyed look-up
-- hash; the name is personal data too: encrypted, and kept masked (张*) for lists. Roles are an array so that the rules that tie a role to a field are checks of this one row.
create table sec_user (
    id               bigserial    primary key,
    login            varchar(64)  not null,
    display_name_enc bytea        not null,
    display_name_masked varchar(100) not null,
    mobile_enc       bytea,
    mobile_hash      bytea,
    roles            varchar(20)[] not null,
    region_code      char(12),
    department_code  char(18),
    staff_no         varchar(64),
    password_hash    varchar(200) not null,
    enabled          boolean      not null default true,
    failed_attempts  integer      not null default 0 check (failed_attempts >= 0),
    locked_until     timestamptz,
    -- changes whenever what a signed-in session holds stops being true (disabled, password reset): sessions that
    -- carry an older stamp end at their next request
    stamp            integer      not null default 0,
    created_at       timestamptz  not null,
    disabled_at      timestamptz,
    constraint sec_user_login_format check (login ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$'),
    constraint sec_user_roles_known check (cardinality(roles) >= 1
        and roles <@ array['HOTLINE', 'DEPARTMENT', 'OFFICE', 'STAFF', 'ASSESSOR', 'ADMIN']::varchar(20)[]),
    constraint sec_user_region_unless_admin check ('ADMIN' = any(roles) or region_code is not null),
    constraint sec_user_department_has_code check (not ('DEPARTMENT' = any(roles)) or department_code is not null),
    constraint sec_user_staff_has_number check (not ('STAFF' = any(roles)) or staff_no is not null),
    constraint sec_user_mobile_pair check ((mobile_enc is null) = (mobile_hash is null)),
    constraint sec_user_disabled_at check (enabled or disabled_at is not null)
);

-- one account per login name, whatever its case
create unique index sec_user_login_unique on sec_user (lower(login));
create index sec_user_region on sec_user (region_code);
create index sec_user_department on sec_user (department_code) where department_code is not null;
create index sec_user_mobile_hash on sec_user (mobile_hash) where mobile_hash is not null;
