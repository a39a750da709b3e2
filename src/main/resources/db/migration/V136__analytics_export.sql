-- Background exports of reports (issue 8 §3, ADR 0028): a request is queued, a worker renders it and keeps the file
-- for hcp.analytics.export.keep; an export found RUNNING at start-up was cut short by a restart and is queued again.
create table ana_export (
    id           uuid         primary key,
    kind         varchar(16)  not null check (kind in ('REPORT_PDF', 'REPORT_XLSX')),
    region_code  char(12)     not null,
    period       varchar(32)  not null,
    requested_by varchar(80)  not null,
    status       varchar(8)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress     smallint     not null default 0 check (progress between 0 and 100),
    file         bytea,
    error        varchar(500),
    created_at   timestamptz  not null,
    finished_at  timestamptz,
    check ((status = 'DONE') = (file is not null))
);
create index ana_export_status on ana_export (status, created_at);
