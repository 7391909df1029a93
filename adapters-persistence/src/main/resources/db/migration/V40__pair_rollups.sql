-- Pair rollups: rows also kept per value of a paired dimension (queue, team, site, payer: filter_dimension and
-- filter_value) and each other dimension's value, so a read filtered by one such value (a supervisor's own team, one
-- payer) sums rows instead of fetching the facts, which one value's facts spread a heap page each over the history.
-- The rows without a filter keep '' in both columns. Rollups are computed from facts, so every day already rolled up is
-- marked: the next rounds rebuild it, which adds its pair rows (and its months') by difference.
alter table work_daily
    add column filter_dimension text not null default '',
    add column filter_value     text not null default '',
    drop constraint work_daily_pkey,
    add primary key (tenant_id, dimension, filter_dimension, filter_value, day, value);
-- a day rebuilt whole reads all its rows, pair rows included
create index work_daily_day_idx on work_daily (tenant_id, day);

alter table work_monthly
    add column filter_dimension text not null default '',
    add column filter_value     text not null default '',
    drop constraint work_monthly_pkey,
    add primary key (tenant_id, dimension, filter_dimension, filter_value, month, value);

select set_config('ordo.tenant_id', '*', true);
insert into insight_dirty_day (tenant_id, day) select distinct tenant_id, day from work_daily where dimension = ''
on conflict do nothing;
