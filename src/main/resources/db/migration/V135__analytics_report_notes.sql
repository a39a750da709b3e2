-- The quarterly report 通报 (issue 8 §3, ADR 0028): the office's own text of a report — the problems found and its
-- requirements — per region and period. Append-only: each save is a new row, the latest is the current text, and the
-- earlier ones stay as the record of who wrote what when.
create table ana_report_note (
    id           bigserial    primary key,
    region_code  char(12)     not null,
    period       varchar(32)  not null,
    problems     text         not null,
    requirements text         not null,
    written_by   varchar(64)  not null,
    written_at   timestamptz  not null
);
create index ana_report_note_region_period on ana_report_note (region_code, period, id desc);
