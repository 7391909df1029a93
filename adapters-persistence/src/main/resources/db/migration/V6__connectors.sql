-- The connector runtime: per tenant and connector, the cursor into the source's change stream, health, a lease so one
-- node pulls a connector at a time, and running totals; and the records a connector could not map, kept for the admin.
create table connector_state (
    tenant_id       text        not null references tenant (id),
    name            text        not null,
    type            text        not null,
    source_system   text        not null,
    cursor          text        not null default '',
    health          text        not null default 'NEVER_RUN',
    health_reason   text,
    lease_until     timestamptz,
    last_run_at     timestamptz,
    last_success_at timestamptz,
    items_created   bigint      not null default 0,
    items_updated   bigint      not null default 0,
    items_closed    bigint      not null default 0,
    duplicates      bigint      not null default 0,
    rejected        bigint      not null default 0,
    primary key (tenant_id, name)
);

create table connector_rejection (
    id          bigserial   primary key,
    tenant_id   text        not null,
    connector   text        not null,
    external_id text,
    location    text,
    reason      text        not null,
    at          timestamptz not null,
    foreign key (tenant_id, connector) references connector_state (tenant_id, name)
);
create index connector_rejection_idx on connector_rejection (tenant_id, connector, at desc);
