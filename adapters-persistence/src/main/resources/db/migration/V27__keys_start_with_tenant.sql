-- Every key of a tenant's table now includes tenant_id, so the schema can be distributed by tenant on Citus: a shard
-- enforces uniqueness only within itself (docs/scale-out.md; DistributableSchemaTest keeps it so). Lookups by an id
-- alone keep a plain index. api_client keeps its key on client_id: it becomes a reference table there (a client signs
-- in before its tenant is known).

-- work_item: the primary key (tenant_id, id) already covers every lookup; the unique id was redundant
alter table work_item drop constraint work_item_id_unique;

-- outbox_event: keys by tenant; the relay's one global order (relay_seq) is numbered by the single relay under its
-- advisory lock, so it stays unique without a global index; the stream reads it in order through a plain index
alter table outbox_event drop constraint outbox_event_pkey;
alter table outbox_event add primary key (tenant_id, seq);
create index outbox_event_seq_idx on outbox_event (seq);
alter table outbox_event drop constraint outbox_event_event_id_key;
alter table outbox_event add constraint outbox_event_event_id_key unique (tenant_id, event_id);
drop index outbox_event_relay_seq_idx;
create unique index outbox_event_relay_seq_idx on outbox_event (tenant_id, relay_seq) where relay_seq is not null;
create index outbox_event_relay_order_idx on outbox_event (relay_seq) where relay_seq is not null;

-- one first delivery per subscription and event, within the subscription's tenant
drop index webhook_delivery_once;
create unique index webhook_delivery_once on webhook_delivery (tenant_id, subscription_id, event_id) where not replay;

alter table background_job drop constraint background_job_pkey;
alter table background_job add primary key (tenant_id, id);
create index background_job_id_idx on background_job (id);

alter table sla_timer drop constraint sla_timer_pkey;
alter table sla_timer add primary key (tenant_id, id);
create index sla_timer_id_idx on sla_timer (id);

alter table write_back drop constraint write_back_pkey;
alter table write_back add primary key (tenant_id, id);
create index write_back_id_idx on write_back (id);

alter table connector_rejection drop constraint connector_rejection_pkey;
alter table connector_rejection add primary key (tenant_id, id);

alter table connector_run drop constraint connector_run_pkey;
alter table connector_run add primary key (tenant_id, id);
