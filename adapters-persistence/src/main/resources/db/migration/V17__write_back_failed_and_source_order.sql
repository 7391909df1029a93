-- A write-back the source kept refusing for the configured number of attempts is set aside as FAILED (shown, retried
-- on request, never deleted) instead of being retried for ever and holding back every later write-back to its source.
alter table write_back drop constraint write_back_status_check;
alter table write_back add constraint write_back_status_check check (status in ('PENDING', 'APPLIED', 'FAILED'));
-- Write-backs to one source apply in queue order: a pending one waits while an older one of its source is pending.
create index write_back_source_pending_idx on write_back (tenant_id, source_system, created_at, id) where status = 'PENDING';
