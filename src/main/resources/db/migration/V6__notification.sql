-- Messages written by the table SMS adapter (the default when no carrier is configured).
create table ntf_outbound_sms (
    id            bigserial primary key,
    mobile_enc    bytea        not null,
    mobile_hash   bytea        not null,
    mobile_masked varchar(20)  not null,
    text          varchar(500) not null,
    purpose       varchar(20)  not null,
    reference     varchar(64),
    created_at    timestamptz  not null
);
create index ntf_outbound_sms_mobile on ntf_outbound_sms (mobile_hash, id);
