-- Runs after every migration run (Flyway callback): the application role may read and write rows of every table
-- (row-level security then keeps it to one tenant's rows), may only append to the audit log (and chain pending
-- entries), and may not touch the migration history. Re-granted each start so tables added by later migrations are
-- covered. A node starting while another node changes the catalog (a month's partition created by a round) can meet
-- "tuple concurrently updated" on a grant; the grants are then tried again, up to five times.
do $$
declare
    attempt integer := 1;
begin
    if exists (select 1 from pg_roles where rolname = 'ordo_app') and current_user <> 'ordo_app' then
        loop
            begin
                execute format('grant usage on schema %I to ordo_app', current_schema());
                execute format('grant select, insert, update, delete on all tables in schema %I to ordo_app', current_schema());
                execute format('grant usage, select on all sequences in schema %I to ordo_app', current_schema());
                revoke update, delete, truncate on audit_log from ordo_app;
                -- the chainer's one-time setting of a pending entry's position and hashes (the trigger allows nothing else)
                grant update (seq, prev_hash, hash) on audit_log to ordo_app;
                revoke all on flyway_schema_history from ordo_app;
                exit;
            exception when internal_error then
                if attempt >= 5 or sqlerrm not like '%concurrently updated%' then
                    raise;
                end if;
                attempt := attempt + 1;
                perform pg_sleep(0.2 * attempt);
            end;
        end loop;
    end if;
end
$$;
