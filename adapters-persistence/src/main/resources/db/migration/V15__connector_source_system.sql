-- The source system a stored connector serves (its adapter's system()), recorded when the connector is saved. A
-- completion queues its write-back on the condition that such an enabled connector exists, inside the insert itself,
-- instead of reading, decrypting and building every connector of the tenant first (one round trip fewer per completion).
-- Null for a configuration saved before this version until the next start records it.
alter table connector_config add column source_system text;
create index connector_config_system_idx on connector_config (tenant_id, source_system) where enabled;
