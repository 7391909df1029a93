-- Ordo schema, version 1: tenants and their users, work items with history, and the event outbox.
-- Every tenant-owned table carries tenant_id first in its keys (row-level security arrives with issue 9).

create table tenant (
    id          text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        not null,
    created_at  timestamptz not null default now()
);

create table user_account (
    tenant_id     text        not null references tenant (id),
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    roles         text[]      not null check (cardinality(roles) > 0),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, username)
);

create table work_item (
    tenant_id           text          not null references tenant (id),
    id                  uuid          not null,
    type                text          not null,
    source_system       text          not null,
    external_id         text          not null,
    content_fingerprint char(64)      not null,
    title               text          not null,
    amount              numeric(17, 4),
    currency            char(3),
    due_at              timestamptz,
    hard_deadline_at    timestamptz,
    -- the binding deadline (earlier of due_at and hard_deadline_at), kept for the backlog order
    deadline_at         timestamptz,
    attributes          jsonb         not null default '{}'::jsonb,
    requested_queue     text          not null,
    queue               text          not null,
    assignee            text,
    status              text          not null,
    status_reason       text,
    resolution_code     text,
    priority_score      numeric(5, 2) not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null,
    primary key (tenant_id, id),
    constraint work_item_id_unique unique (id),
    constraint work_item_source_unique unique (tenant_id, source_system, external_id),
    constraint work_item_amount_has_currency check ((amount is null) = (currency is null)),
    constraint work_item_amount_not_negative check (amount >= 0),
    constraint work_item_score_range check (priority_score between 0 and 100),
    constraint work_item_status_known
        check (status in ('READY', 'CLAIMED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'))
);

-- The backlog order of GET /api/v1/work-items: score desc, binding deadline asc (none last), id.
create index work_item_backlog_idx
    on work_item (tenant_id, priority_score desc, (coalesce(deadline_at, 'infinity'::timestamptz)), id);
create index work_item_status_backlog_idx
    on work_item (tenant_id, status, priority_score desc, (coalesce(deadline_at, 'infinity'::timestamptz)), id);
create index work_item_queue_backlog_idx
    on work_item (tenant_id, queue, priority_score desc, (coalesce(deadline_at, 'infinity'::timestamptz)), id)
    where status not in ('COMPLETED', 'CANCELLED');
create index work_item_assignee_idx on work_item (tenant_id, assignee) where assignee is not null;

create table work_item_history (
    tenant_id    text        not null,
    work_item_id uuid        not null,
    seq          bigint      generated always as identity,
    at           timestamptz not null,
    action       text        not null,
    from_status  text,
    to_status    text        not null,
    actor        text        not null,
    note         text,
    primary key (tenant_id, work_item_id, seq),
    foreign key (tenant_id, work_item_id) references work_item (tenant_id, id)
);

-- Transactional outbox: events are written with the state change that caused them and delivered later.
create table outbox_event (
    seq            bigint      generated always as identity primary key,
    tenant_id      text        not null references tenant (id),
    event_id       uuid        not null unique,
    event_type     text        not null,
    aggregate_type text        not null,
    aggregate_id   uuid        not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    payload        jsonb       not null,
    published_at   timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (seq) where published_at is null;
