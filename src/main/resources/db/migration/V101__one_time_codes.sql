-- One-time SMS codes 短信验证码 with which a rater proves a mobile (ADR 0020): only a keyed hash of the code is kept;
-- a code is good once, for a few minutes, and for a few wrong tries. Every request is a row, sent or not, so that
-- the limits per mobile count requests, not only codes sent.
create table door_one_time_code (
    id          bigserial    primary key,
    mobile_hash bytea        not null,
    code_hash   bytea,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    attempts    integer      not null default 0,
    used_at     timestamptz
);
create index door_one_time_code_mobile on door_one_time_code (mobile_hash, created_at desc);
