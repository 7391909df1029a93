-- The watch (issue 20): per tenant settings and progress, and the unusual days it found (one per metric, group and day).

create table watch_settings (
    tenant_id         text             primary key references tenant (id),
    threshold         double precision not null,
    min_deviation     double precision not null,
    aging_days        integer          not null,
    aging_max         integer,
    create_work_items boolean          not null,
    owner             text,
    last_watched      date
);

create table insight_anomaly (
    tenant_id    text             not null references tenant (id),
    id           uuid             not null,
    metric       text             not null,
    dimension    text             not null,
    group_value  text             not null,
    day          date             not null,
    actual       double precision not null,
    expected     double precision not null,
    score        double precision not null,
    detected_at  timestamptz      not null,
    work_item_id uuid,
    primary key (tenant_id, id),
    constraint insight_anomaly_once unique (tenant_id, metric, dimension, group_value, day)
);
create index insight_anomaly_day_idx on insight_anomaly (tenant_id, day);

do $$
declare
    t text;
begin
    foreach t in array array['watch_settings', 'insight_anomaly']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', t);
    end loop;
end
$$;
