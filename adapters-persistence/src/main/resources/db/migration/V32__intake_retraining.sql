-- The scheduled retraining round takes a tenant for the length of a training run: one node at a time trains it.
create table intake_retraining (
    tenant_id   text        primary key references tenant (id),
    lease_until timestamptz not null
);
alter table intake_retraining enable row level security;
alter table intake_retraining force row level security;
create policy tenant_isolation on intake_retraining using (tenant_id = current_setting('ordo.tenant_id', true)
    or current_setting('ordo.tenant_id', true) = '*');
