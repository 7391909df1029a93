-- The outbox's tenant_id no longer references tenant. The foreign key made every outbox insert (every state change of
-- every work item) take a KEY SHARE lock on its tenant's one row: with many workers of one tenant changing items at once,
-- all their transactions share that row lock (a multixact on the tenant row, rewritten and WAL-logged on each insert),
-- a known limit of PostgreSQL under write concurrency (measured: 2.5 WAL records per claimed item of get-next-work).
-- Tenants are never deleted, and row-level security already holds every outbox row to the tenant of its transaction.
alter table outbox_event drop constraint outbox_event_tenant_id_fkey;
