-- After every migration run (also when nothing was pending), as the owner: the runtime role the application's pool
-- connects as (${hcp_runtime_role}) gets what it needs on every table and sequence of the schema, including those
-- that later migrations add, and no more. Append-only tables (ratings, seals, and any table whose trigger refuses
-- changes) get SELECT and INSERT, never UPDATE, DELETE or TRUNCATE; only the owner could ALTER them (and so
-- disable their triggers). Skipped when the application
-- runs as the owner itself (a single-role installation).
do $$
declare
  runtime text := '${hcp_runtime_role}';
  schema text := current_schema();
  t text;
begin
  if runtime = '' or runtime = current_user or not exists (select 1 from pg_roles where rolname = runtime) then
    raise notice 'hcp: no separate runtime role (%), grants skipped', runtime;
    return;
  end if;
  execute format('grant usage on schema %I to %I', schema, runtime);
  execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema, runtime);
  execute format('grant usage, select on all sequences in schema %I to %I', schema, runtime);
  -- A table is append-only when a trigger refuses changes to it (a trigger function named *_refuse_change, as
  -- evl_refuse_change): every such table, also those that later migrations add, is SELECT and INSERT only.
  for t in
    select distinct c.relname
    from pg_trigger tg
      join pg_class c on c.oid = tg.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_proc p on p.oid = tg.tgfoid
    where n.nspname = schema and not tg.tgisinternal and p.proname like '%refuse\_change'
  loop
    execute format('revoke update, delete, truncate, references, trigger on %I.%I from %I', schema, t, runtime);
  end loop;
  -- the migration history is the owner's business
  execute format('revoke all on %I.%I from %I', schema, '${flyway:table}', runtime);
end $$;
