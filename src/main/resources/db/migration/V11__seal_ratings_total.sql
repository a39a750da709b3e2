-- The public head answers "how many ratings are sealed" from its latest block instead of count(*) over one row per
-- rating: each block carries the running total, computed by the database when the block is inserted.
alter table evl_seal_block add column ratings_total bigint;

-- Backfill the blocks sealed so far. The append-only trigger refuses UPDATE, so it is off for this one statement
-- (this migration runs as the owner, inside its own transaction).
alter table evl_seal_block disable trigger evl_seal_block_append_only;
update evl_seal_block b
   set ratings_total = (select sum(p.ratings) from evl_seal_block p where p.block_no <= b.block_no);
alter table evl_seal_block enable trigger evl_seal_block_append_only;

create function evl_seal_block_total() returns trigger language plpgsql as $$
begin
    new.ratings_total := new.ratings + coalesce(
        (select p.ratings_total from evl_seal_block p where p.block_no = new.block_no - 1), 0);
    return new;
end $$;

create trigger evl_seal_block_total before insert on evl_seal_block
    for each row execute function evl_seal_block_total();

alter table evl_seal_block alter column ratings_total set not null;
