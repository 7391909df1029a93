-- Duration histograms of the daily rollups kept sparse: the buckets that hold anything and their counts, instead of all
-- 80 buckets (a rollup row uses a dozen or so), so reading percentiles over months unnests a sixth as much. Rollups are
-- computed from facts, so the days are simply marked for a new rollup.
select set_config('ordo.tenant_id', '*', true);
insert into insight_dirty_day (tenant_id, day) select distinct tenant_id, day from work_daily on conflict do nothing;
delete from work_daily;
alter table work_daily
    drop column cycle_histogram,
    drop column wait_histogram,
    drop column touch_histogram,
    add column cycle_buckets smallint[] not null default '{}',
    add column cycle_counts  bigint[]   not null default '{}',
    add column wait_buckets  smallint[] not null default '{}',
    add column wait_counts   bigint[]   not null default '{}',
    add column touch_buckets smallint[] not null default '{}',
    add column touch_counts  bigint[]   not null default '{}';
