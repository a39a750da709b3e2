-- Hall evaluators 评价器 (pf 4), one row per tablet at a window (ADR 0023). The device id is the hall's own name for
-- it; only a keyed hash of the device's secret is kept, so a stolen table cannot open a device's queue. A device is
-- deactivated, never deleted: its ratings name the window, not the row, but who set it up stays on record.
create table door_device (
    device_id        varchar(64)  primary key,
    window_code      varchar(64)  not null,
    institution_code varchar(64)  not null,
    region_code      varchar(12)  not null,
    secret_hash      bytea        not null,
    registered_by    varchar(128) not null,
    registered_at    timestamptz  not null,
    rekeyed_by       varchar(128),
    rekeyed_at       timestamptz,
    active           boolean      not null default true,
    deactivated_by   varchar(128),
    deactivated_at   timestamptz
);
create index door_device_region on door_device (region_code, device_id);
