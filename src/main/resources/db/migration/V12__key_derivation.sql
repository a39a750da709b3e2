-- How the keys for personal data are derived from the master key (ADR 0007). Pre-release databases hold values
-- encrypted under keys derived by labelled HMAC-SM3; they are marked LEGACY so that the application refuses to
-- start on them with a clear message instead of failing on every read. A new database is marked on first start.
create table prv_key_derivation (
    id         smallint    primary key check (id = 1),
    derivation varchar(20) not null check (derivation in ('LEGACY_HMAC_SM3', 'HKDF_SM3')),
    -- HMAC-SM3 of a fixed text under the look-up key: tells a wrong master key apart from a right one
    key_check  bytea,
    marked_at  timestamptz not null default now()
);

insert into prv_key_derivation (id, derivation)
select 1, 'LEGACY_HMAC_SM3'
 where exists (select 1 from cat_staff) or exists (select 1 from cas_case)
    or exists (select 1 from evl_evaluation) or exists (select 1 from ntf_outbound_sms);
