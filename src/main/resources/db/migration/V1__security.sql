-- API keys of systems and platforms. Only a SHA-256 of each key is kept.
create table sec_api_key (
    id          bigserial primary key,
    name        varchar(100) not null,
    key_hash    bytea        not null unique,
    role        varchar(20)  not null check (role in ('ADMIN', 'PLATFORM', 'SMS_GATEWAY')),
    region_code char(12),
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);
