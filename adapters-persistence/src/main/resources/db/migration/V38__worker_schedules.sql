-- When each worker works, for the forecasts (breaches, staffing, what-if, allocation): the business calendar of their
-- hours (null: the tenant's calendar default) and their periods of time off, whole days in that calendar's time zone,
-- as [{"from": "2026-12-21", "to": "2026-12-24", "reason": "annual leave"}]. Gone with the worker.
create table worker_schedule (
    tenant_id text  not null,
    login     text  not null,
    calendar  text  check (calendar ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    time_off  jsonb not null,
    primary key (tenant_id, login),
    foreign key (tenant_id, login) references worker (tenant_id, login) on delete cascade
);
alter table worker_schedule enable row level security;
alter table worker_schedule force row level security;
create policy tenant_isolation on worker_schedule using (tenant_id = current_setting('ordo.tenant_id', true)
    or current_setting('ordo.tenant_id', true) = '*');
