-- Due timers are claimed tenant by tenant (each lock in one tenant's rows: one shard when distributed by tenant,
-- docs/scale-out.md); this index serves that claim. sla_timer_due_idx still serves the list of tenants with due timers.
create index sla_timer_tenant_due_idx on sla_timer (tenant_id, due_at) where fired_at is null;
