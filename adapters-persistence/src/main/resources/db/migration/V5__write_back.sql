-- Outcomes to write back to the source system of a completed work item (a FHIR Task update, an ERP hold release).
-- Written in the transaction that completes the item; delivered by a scheduled round that leases due rows with
-- FOR UPDATE SKIP LOCKED; retried with backoff until the target confirms; never deleted.
create table write_back (
    id              uuid        primary key,
    tenant_id       text        not null,
    work_item_id    uuid        not null,
    source_system   text        not null,
    external_id     text        not null,
    resolution      text        not null,
    note            text,
    idempotency_key text        not null,
    status          text        not null check (status in ('PENDING', 'APPLIED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    last_error      text,
    detail          text,
    created_at      timestamptz not null,
    applied_at      timestamptz,
    unique (tenant_id, idempotency_key),
    foreign key (tenant_id, work_item_id) references work_item (tenant_id, id)
);
create index write_back_due_idx on write_back (next_attempt_at) where status = 'PENDING';
create index write_back_tenant_idx on write_back (tenant_id, created_at desc);
