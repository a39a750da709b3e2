-- ShedLock's table: one row per job name; a run holds the row until lock_until (ADR 0007). Times are UTC
-- database time (ShedLock's usingDbTime), hence timestamp without time zone as ShedLock documents it.
create table job_lock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
