-- What a tablet is to show next: each evaluator token issued for a registered, active device, queued at issue
-- (EvaluatorTokenIssued). The tablet polls the oldest unexpired WAITING entry; a rating marks it DONE, and one
-- nobody rated within the idle time after it was first shown is DISMISSED. Only the token and the case's numbers
-- are kept, never the applicant's data.
create table door_device_queue (
    id          bigserial    primary key,
    device_id   varchar(64)  not null,
    token       varchar(2048) not null,
    case_no     varchar(64)  not null,
    service_no  integer      not null,
    expires_at  timestamptz  not null,
    state       varchar(16)  not null default 'WAITING' check (state in ('WAITING', 'DONE', 'DISMISSED')),
    created_at  timestamptz  not null,
    shown_at    timestamptz,
    closed_at   timestamptz,
    unique (device_id, token)
);
create index door_device_queue_waiting on door_device_queue (device_id, created_at) where state = 'WAITING';
