-- Connectors configured per tenant through the API (secrets encrypted with AES-GCM, or references to environment
-- variables; never returned), each sync run with its counts, and a circuit breaker per connector.
create table connector_config (
    tenant_id        text        not null references tenant (id),
    id               text        not null,
    type             text        not null,
    base_url         text        not null,
    page_size        integer     not null,
    interval_seconds integer     not null,
    enabled          boolean     not null,
    options          jsonb       not null,
    secrets          text,
    version          bigint      not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    primary key (tenant_id, id)
);

alter table connector_state add column consecutive_failures integer not null default 0;
alter table connector_state add column circuit_open_until timestamptz;

create table connector_run (
    id          uuid        primary key,
    tenant_id   text        not null,
    connector   text        not null,
    trigger     text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    status      text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    pages       integer     not null default 0,
    fetched     integer     not null default 0,
    created     integer     not null default 0,
    updated     integer     not null default 0,
    unchanged   integer     not null default 0,
    closed      integer     not null default 0,
    failed      integer     not null default 0,
    error       text,
    foreign key (tenant_id, connector) references connector_state (tenant_id, name)
);
create index connector_run_idx on connector_run (tenant_id, connector, started_at desc);
