-- Maker-checker (issue 9): per tenant, which actions need a second person; and the held actions themselves.
create table approval_settings (
    tenant_id            text    primary key references tenant (id),
    write_off_threshold  numeric(19, 4),
    write_off_currency   text,
    required             text[]  not null default '{}',
    updated_at           timestamptz not null default now()
);

create table approval_request (
    tenant_id      text        not null references tenant (id),
    id             uuid        not null,
    kind           text        not null,
    subject        text        not null,
    summary        text,
    parameters     jsonb       not null,
    -- parameters named secret.* sealed together (AES-256-GCM, tenant and id as associated data); never in parameters
    sealed_secrets text,
    requested_by   text        not null,
    requested_at   timestamptz not null,
    status         text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by     text,
    decided_at     timestamptz,
    note           text,
    outcome        text,
    primary key (tenant_id, id),
    check (decided_by is null or decided_by <> requested_by)
);
create index approval_request_status_idx on approval_request (tenant_id, status, requested_at desc);

do $$
declare
    t text;
begin
    foreach t in array array['approval_settings', 'approval_request']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', t);
    end loop;
end
$$;
