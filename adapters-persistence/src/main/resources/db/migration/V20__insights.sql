-- Process intelligence (issue 20): one fact row per item's life (Ordo's own items and imported legacy history),
-- partitioned by the month it arrived; daily rollups per dimension value kept current from the facts of the days
-- that changed; history imports run as resumable jobs.

create table work_fact (
    tenant_id           text        not null references tenant (id),
    fact_id             uuid        not null,
    origin              text        not null check (origin in ('LIVE', 'IMPORTED')),
    source_system       text        not null,
    external_id         text        not null,
    queue               text        not null,
    type                text        not null,
    team                text,
    site                text,
    worker              text,
    payer               text,
    supplier            text,
    specialty           text,
    amount              numeric(17, 4),
    currency            char(3),
    received_at         timestamptz not null,
    first_claimed_at    timestamptz,
    started_at          timestamptz,
    closed_at           timestamptz,
    cancelled           boolean     not null default false,
    written_off         boolean     not null default false,
    resolution          text,
    deadline_at         timestamptz,
    held_seconds        bigint      not null default 0,
    reopened            integer     not null default 0,
    exception           boolean     not null default false,
    overridden          boolean     not null default false,
    claims              integer     not null default 0,
    claims_as_proposed  integer     not null default 0,
    primary key (tenant_id, received_at, fact_id)
) partition by range (received_at);
create index work_fact_closed_idx on work_fact (tenant_id, closed_at) where closed_at is not null;
create index work_fact_open_idx on work_fact (tenant_id, queue) where closed_at is null;
create index work_fact_source_idx on work_fact (tenant_id, source_system, external_id);

-- Where each fact lives (its arrival picks the partition): a fact replaced is found by its id in one index lookup here,
-- then deleted by its full key in its own partition.
create table work_fact_key (
    tenant_id   text        not null references tenant (id),
    fact_id     uuid        not null,
    received_at timestamptz not null,
    closed_at   timestamptz,
    primary key (tenant_id, fact_id)
);

-- A month's partition, created on first use. The application role may not run DDL, so it calls this function, which
-- runs with the rights of the schema owner and can only create a partition named after the month it is given. The table
-- is created apart and then attached: ATTACH PARTITION takes a SHARE UPDATE EXCLUSIVE lock on work_fact, which neither
-- reads nor writes of other transactions wait for (CREATE TABLE ... PARTITION OF would lock every reader out).
create function ordo_work_fact_partition(month date) returns void
    language plpgsql security definer set search_path from current as
$$
declare
    first_day date := date_trunc('month', month)::date;
    name text := format('work_fact_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
begin
    perform pg_advisory_xact_lock(hashtext(name));
    if to_regclass(name) is null then
        execute format('create table %I (like work_fact including defaults including constraints)', name);
        -- reads go through work_fact and its policy; the partition carries the same policy should anyone read it directly
        execute format('alter table %I enable row level security', name);
        execute format('alter table %I force row level security', name);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', name);
        execute format('alter table work_fact attach partition %I for values from (%L) to (%L)', name,
                       first_day::timestamp at time zone 'UTC', (first_day + interval '1 month')::timestamp at time zone 'UTC');
    end if;
end
$$;
revoke all on function ordo_work_fact_partition(date) from public;
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'ordo_app') then
        grant execute on function ordo_work_fact_partition(date) to ordo_app;
    end if;
end
$$;

-- One day of one group: dimension '' with value '' is everything; otherwise one value of one dimension.
create table work_daily (
    tenant_id            text           not null references tenant (id),
    day                  date           not null,
    dimension            text           not null,
    value                text           not null,
    arrivals             bigint         not null,
    arrived_amount       numeric(19, 4) not null,
    completions          bigint         not null,
    completed_amount     numeric(19, 4) not null,
    cancellations        bigint         not null,
    with_deadline        bigint         not null,
    met                  bigint         not null,
    first_pass           bigint         not null,
    reopened             bigint         not null,
    exceptions           bigint         not null,
    overridden           bigint         not null,
    claims               bigint         not null,
    claims_as_proposed   bigint         not null,
    written_off          bigint         not null,
    recovered_amount     numeric(19, 4) not null,
    written_off_amount   numeric(19, 4) not null,
    cycle_histogram      bigint[]       not null,
    wait_histogram       bigint[]       not null,
    touch_histogram      bigint[]       not null,
    primary key (tenant_id, dimension, day, value)
);

-- Days whose rollup must be computed again (facts arrived or closed on them changed); claimed with SKIP LOCKED.
create table insight_dirty_day (
    tenant_id text not null references tenant (id),
    day       date not null,
    primary key (tenant_id, day)
);

-- How far the facts of Ordo's own items have been brought up to date (one row, locked by the node refreshing).
create table insight_watermark (
    name       text        primary key,
    changed_at timestamptz not null,
    item_id    uuid        not null
);
insert into insight_watermark (name, changed_at, item_id)
values ('live-facts', '1970-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000');

create table history_import (
    tenant_id      text        not null references tenant (id),
    id             uuid        not null,
    format         text        not null check (format in ('CSV', 'JSON_LINES')),
    source_system  text        not null,
    body           text        not null,
    status         text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    rows_read      integer     not null default 0,
    accepted       integer     not null default 0,
    rejected       integer     not null default 0,
    requested_by   text        not null,
    requested_at   timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    lease_until    timestamptz,
    failure        text,
    primary key (tenant_id, id)
);
create index history_import_pending_idx on history_import (requested_at) where status in ('QUEUED', 'RUNNING');

create table history_import_rejection (
    tenant_id  text    not null,
    import_id  uuid    not null,
    row_number integer not null,
    field      text    not null,
    message    text    not null,
    primary key (tenant_id, import_id, row_number, field),
    foreign key (tenant_id, import_id) references history_import (tenant_id, id) on delete cascade
);

-- Facts follow Ordo's items through their updated_at; get-next-work's claims are told apart from picked items.
create index work_item_changed_idx on work_item (updated_at, id);

do $$
declare
    t text;
begin
    foreach t in array array['work_fact', 'work_fact_key', 'work_daily', 'insight_dirty_day', 'history_import', 'history_import_rejection']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', t);
    end loop;
end
$$;
