-- The audit chain is extended by a chainer, not by each request (issue 6: appends were serialized per tenant through
-- commit). A request inserts its entry pending (no seq, no hashes); the chainer, holding the tenant's advisory lock,
-- sets seq, prev_hash and hash on pending rows in insertion order (id). That one-time chaining is the only update the
-- trigger lets through; everything else stays refused for every role, and the application role may update only
-- those three columns (afterMigrate.sql).
alter table audit_log add column id bigint generated always as identity;
alter table audit_log drop constraint audit_log_pkey;
alter table audit_log alter column seq drop not null;
alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;
alter table audit_log add primary key (tenant_id, id);
create unique index audit_log_seq_idx on audit_log (tenant_id, seq);
create index audit_log_pending_idx on audit_log (tenant_id, id) where hash is null;

create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.hash is null and new.hash is not null and new.seq is not null and new.prev_hash is not null
        and new.tenant_id = old.tenant_id and new.id = old.id and new.at = old.at
        and new.actor is not distinct from old.actor and new.action = old.action
        and new.entity_type is not distinct from old.entity_type and new.entity_id is not distinct from old.entity_id
        and new.details = old.details and new.request_id is not distinct from old.request_id
        and new.client_ip is not distinct from old.client_ip then
        return new; -- chaining a pending entry, once
    end if;
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;
