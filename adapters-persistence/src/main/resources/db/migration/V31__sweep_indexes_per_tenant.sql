-- Platform rounds claim tenant by tenant (docs/scale-out.md): the small partial indexes their claims read start with
-- tenant_id. Each holds few rows (items with an override, claimed items, unrelayed events), so listing the tenants
-- with due work reads the whole index cheaply. insight_dirty_day is keyed (tenant_id, day) already.
drop index work_item_override_due_idx;
create index work_item_override_due_idx on work_item (tenant_id, override_expires_at) where override_expires_at is not null;
drop index work_item_reservation_idx;
create index work_item_reservation_idx on work_item (tenant_id, claimed_at) where status = 'CLAIMED';
drop index outbox_event_unpublished_idx;
create index outbox_event_unpublished_idx on outbox_event (tenant_id, seq) where published_at is null;
