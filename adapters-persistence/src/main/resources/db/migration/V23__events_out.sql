-- Events out (issue 22): the outbox relayed into each tenant's ordered feed, webhook subscriptions, their deliveries and
-- every attempt. The relay gives each committed outbox event the next position of its tenant's feed (published_at marks
-- it relayed) and queues one delivery per subscription that takes its type, in one transaction.

alter table outbox_event add column position bigint;
create unique index outbox_event_feed_idx on outbox_event (tenant_id, position) where position is not null;

create table event_feed_counter (
    tenant_id     text   primary key,
    last_position bigint not null
);

create table webhook_subscription (
    tenant_id       text        not null references tenant (id),
    id              uuid        not null,
    url             text        not null,
    event_types     text[]      not null,
    description     text,
    enabled         boolean     not null,
    phi_allowed     boolean     not null,
    -- the signing secrets (current and, during a rotation's overlap, the previous one), sealed with the secrets key
    sealed_secrets  text        not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    failing_since   timestamptz,
    disabled_reason text,
    deleted_at      timestamptz,
    primary key (tenant_id, id)
);

create table webhook_delivery (
    tenant_id       text        not null,
    id              bigint      generated always as identity,
    subscription_id uuid        not null,
    event_id        uuid        not null,
    position        bigint      not null,
    subject         text        not null,
    event_type      text        not null,
    replay          boolean     not null default false,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    primary key (tenant_id, id)
);
-- one first delivery per subscription and event (replays are deliveries of their own)
create unique index webhook_delivery_once on webhook_delivery (subscription_id, event_id) where not replay;
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, id) where status = 'PENDING';
create index webhook_delivery_subject_idx on webhook_delivery (subscription_id, subject, position, id) where status = 'PENDING';
create index webhook_delivery_list_idx on webhook_delivery (tenant_id, subscription_id, id desc);

create table webhook_attempt (
    tenant_id    text        not null,
    delivery_id  bigint      not null,
    attempt      integer     not null,
    attempted_at timestamptz not null,
    status_code  integer,
    latency_ms   bigint      not null,
    error        text,
    primary key (tenant_id, delivery_id, attempt)
);

do $$
declare
    t text;
begin
    foreach t in array array['event_feed_counter', 'webhook_subscription', 'webhook_delivery', 'webhook_attempt']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', t);
    end loop;
end
$$;
