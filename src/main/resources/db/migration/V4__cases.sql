-- Cases 办件 and their service events 服务, as business systems and lower platforms report them.
create table cas_case (
    id                    bigserial primary key,
    case_no               varchar(64)  not null unique,
    title                 varchar(300),
    item_code             varchar(33)  not null,
    item_name             varchar(300),
    department_code       varchar(18)  not null,
    region_code           char(12)     not null,
    case_type             varchar(12)  not null check (case_type in ('ON_THE_SPOT', 'PROMISED')),
    apply_channel         varchar(10)  not null check (apply_channel in ('WINDOW', 'ONLINE', 'MOBILE', 'MAIL')),
    status                varchar(12)  not null check (status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')),
    applicant_type        smallint     not null,
    applicant_name_enc    bytea,
    -- the masked form (张*), so that reading a case never needs to decrypt
    applicant_name_masked varchar(100),
    applicant_cert_type   varchar(4),
    applicant_cert_enc    bytea,
    applicant_cert_hash   bytea,
    applicant_mobile_enc  bytea,
    applicant_mobile_hash bytea,
    accepted_at           timestamptz  not null,
    completed_at          timestamptz,
    batch_no              varchar(64),
    chain_no              varchar(64),
    source                varchar(10)  not null,
    created_at            timestamptz  not null,
    version               integer      not null default 0
);
create index cas_case_batch on cas_case (batch_no) where batch_no is not null;
create index cas_case_chain on cas_case (chain_no) where chain_no is not null;
create index cas_case_mobile on cas_case (applicant_mobile_hash);

create table cas_service_event (
    case_id     bigint       not null references cas_case (id),
    service_no  integer      not null check (service_no > 0),
    name        varchar(100) not null,
    occurred_at timestamptz  not null,
    staff_no    varchar(64),
    window_code varchar(64),
    primary key (case_id, service_no)
);
