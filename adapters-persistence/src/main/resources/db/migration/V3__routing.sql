-- Routing and get-next-work: queues, workers, routing rules; skills, size and claim time on work items.

alter table work_item
    add column skill_requirements jsonb   not null default '[]'::jsonb,
    add column size               integer not null default 1 check (size between 1 and 100),
    add column claimed_at         timestamptz;

-- get-next-work: the best READY item of one queue, straight off the index (score desc, deadline asc, id)
create index work_item_ready_idx
    on work_item (tenant_id, queue, priority_score desc, (coalesce(deadline_at, 'infinity'::timestamptz)), id)
    where status = 'READY';
-- capacity in use per worker, and reservations that may time out
create index work_item_load_idx on work_item (tenant_id, assignee) where status in ('CLAIMED', 'IN_PROGRESS');
create index work_item_reservation_idx on work_item (claimed_at) where status = 'CLAIMED';

create table work_queue (
    tenant_id                   text    not null references tenant (id),
    id                          text    not null check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name                        text    not null,
    team                        text,
    site                        text,
    weight                      integer not null check (weight between 1 and 100),
    reservation_timeout_seconds integer not null check (reservation_timeout_seconds > 0),
    primary key (tenant_id, id)
);

create table worker (
    tenant_id text    not null references tenant (id),
    login     text    not null,
    team      text,
    site      text,
    queues    text[]  not null,
    skills    jsonb   not null,
    capacity  integer not null check (capacity between 0 and 1000),
    available boolean not null,
    primary key (tenant_id, login)
);

create table routing_rule (
    tenant_id    text    not null references tenant (id),
    id           text    not null check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    position     integer not null,
    conditions   jsonb   not null,
    target_queue text    not null,
    skills       jsonb   not null,
    size         integer not null check (size between 1 and 100),
    primary key (tenant_id, id)
);
