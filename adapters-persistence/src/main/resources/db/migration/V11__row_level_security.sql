-- Tenant isolation enforced by PostgreSQL itself (issue 9). Every tenant-owned table gets row-level security with
-- one policy: a row is visible and writable only when its tenant_id equals the transaction's ordo.tenant_id, which
-- the application sets first thing in every transaction (set_config(..., true), i.e. SET LOCAL). The value '*' is
-- the cross-tenant scope of platform jobs (timer sweeps, dispatchers); it can never be a tenant slug. Without a
-- setting nothing is visible. FORCE applies the policy to the table owner too; only superusers and BYPASSRLS roles
-- pass by it, and the application must log in as neither. Data migrations that touch tenant rows must therefore
-- run "select set_config('ordo.tenant_id', '*', true)" first.
--
-- New tenant-owned tables must get the same policy in their own migration; RowLevelSecurityTest fails otherwise.

do $$
declare
    t text;
begin
    foreach t in array array['user_account', 'work_item', 'work_item_history', 'outbox_event', 'priority_policy_version',
        'priority_settings', 'background_job', 'work_queue', 'worker', 'routing_rule', 'business_calendar',
        'sla_policy_version', 'sla_timer', 'write_back', 'connector_state', 'connector_rejection', 'connector_config',
        'connector_run', 'tenant_branding', 'api_client', 'audit_log']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', t);
    end loop;
end
$$;

-- The application role. The embedded server creates it as a login; on an external server create it yourself
-- (CREATE ROLE ordo_app LOGIN PASSWORD '...') or let this create a NOLOGIN role you can alter later.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'ordo_app') then
        create role ordo_app nologin;
    end if;
exception when insufficient_privilege then
    raise notice 'ordo_app was not created (no CREATEROLE privilege); the application login keeps its own rights';
end
$$;
