-- The type joins the paired dimensions (DailyRollup.PAIRED): a read filtered by one type (denials only) sums pair rows
-- instead of fetching a sixth of the range's facts. Every day already rolled up is marked: the next rounds rebuild it,
-- which adds its type pair rows (and its months') by difference.
select set_config('ordo.tenant_id', '*', true);
insert into insight_dirty_day (tenant_id, day) select distinct tenant_id, day from work_daily where dimension = ''
on conflict do nothing;
