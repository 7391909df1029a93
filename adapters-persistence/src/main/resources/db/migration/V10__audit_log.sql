-- The tamper-evident audit log: per tenant a hash chain (each row holds the previous row's hash). Rows cannot be
-- updated or deleted: a trigger refuses it for every role, and the application role is not meant to own the table
-- (an owner could disable the trigger; POST /api/v1/audit:verify then names the first altered row).
create table audit_log (
    tenant_id   text        not null,
    seq         bigint      not null,
    at          timestamptz not null,
    actor       text,
    action      text        not null,
    entity_type text,
    entity_id   text,
    details     text        not null,
    request_id  text,
    client_ip   text,
    prev_hash   text        not null,
    hash        text        not null,
    primary key (tenant_id, seq)
);
create index audit_log_entity_idx on audit_log (tenant_id, entity_type, entity_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
