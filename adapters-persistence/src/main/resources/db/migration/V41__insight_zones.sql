-- The time zone whose calendar days each tenant's rollups count in: its business calendar's, recorded as rows are
-- written. When the calendar's zone changes (or, for the rows written before this table, '' for not known), the
-- rounds delete the tenant's rollup rows and mark every day its facts touch, to be rebuilt in the new zone's days.
create table insight_zone (
    tenant_id text primary key references tenant (id),
    zone      text not null
);

alter table insight_zone enable row level security;
alter table insight_zone force row level security;
create policy tenant_isolation on insight_zone using (tenant_id = current_setting('ordo.tenant_id', true)
    or current_setting('ordo.tenant_id', true) = '*');

select set_config('ordo.tenant_id', '*', true);
insert into insight_zone (tenant_id, zone) select distinct tenant_id, '' from work_daily;
