-- Service levels: business calendars, versioned SLA policies, escalation timers; SLA boost and state on work items.

alter table work_item
    add column sla_boost       numeric(5, 2) not null default 0,
    add column sla_state       text,
    add column sla_deadline_at timestamptz;
create index work_item_sla_state_idx on work_item (tenant_id, sla_state) where status not in ('COMPLETED', 'CANCELLED');

create table business_calendar (
    tenant_id text  not null references tenant (id),
    id        text  not null check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    zone      text  not null,
    hours     jsonb not null,
    holidays  jsonb not null,
    closures  jsonb not null,
    primary key (tenant_id, id)
);

create table sla_policy_version (
    tenant_id            text    not null references tenant (id),
    policy_id            text    not null check (policy_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    version              integer not null check (version > 0),
    applies_to           text    not null,
    conditions           jsonb   not null,
    calendar_id          text    not null,
    goal_seconds         bigint  not null,
    deadline_seconds     bigint  not null,
    approaching_percent  integer not null,
    escalations          jsonb   not null,
    repeat_every_seconds bigint,
    active               boolean not null,
    created_at           timestamptz not null default now(),
    primary key (tenant_id, policy_id, version)
);
create unique index sla_policy_one_active on sla_policy_version (tenant_id, policy_id) where active;

-- Escalation timers: due rows are claimed with FOR UPDATE SKIP LOCKED, so each fires exactly once across nodes.
create table sla_timer (
    id           uuid        primary key,
    tenant_id    text        not null,
    work_item_id uuid        not null,
    stage        text        not null,
    due_at       timestamptz not null,
    fired_at     timestamptz,
    late         boolean     not null default false,
    foreign key (tenant_id, work_item_id) references work_item (tenant_id, id)
);
create index sla_timer_due_idx on sla_timer (due_at) where fired_at is null;
create index sla_timer_item_idx on sla_timer (tenant_id, work_item_id);
