-- The supplier, the specialty and the source system join the paired dimensions (DailyRollup.PAIRED: every one but the
-- worker): a read filtered by one of their values sums pair rows instead of reading every fact of its range (a month of
-- 10,000,000 facts took 1.0–1.4 s for one supplier, 90 days 6 s for one specialty). Pair rows are no longer kept for a
-- fact with no value of the filter's dimension (filter value "(none)": an invoice's payer, a claim's supplier): nobody
-- filters by "none", and such a read goes to the facts. Those rows go now; every day already rolled up is marked, and
-- the next rounds rebuild it, which adds its new pair rows (and its months') by difference.
select set_config('ordo.tenant_id', '*', true);
delete from work_daily where filter_value = '(none)';
delete from work_monthly where filter_value = '(none)';
insert into insight_dirty_day (tenant_id, day) select distinct tenant_id, day from work_daily where dimension = ''
on conflict do nothing;
