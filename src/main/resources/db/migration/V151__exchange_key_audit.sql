-- Who made a key pair current and who replaced it (a rotation is an administrator's act, ADR 0031); 'system' for the
-- pair generated or configured at start.
alter table xch_own_key add column created_by varchar(100) not null default 'system';
alter table xch_own_key add column replaced_by varchar(100);
