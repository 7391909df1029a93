-- Machine clients of a tenant for the OAuth 2.0 client-credentials grant; secrets stored only as bcrypt hashes, the
-- previous one kept for a grace period after a rotation.
create table api_client (
    client_id            text        primary key,
    tenant_id            text        not null references tenant (id),
    name                 text        not null,
    scopes               text        not null,
    secret_hash          text        not null,
    previous_secret_hash text,
    previous_valid_until timestamptz,
    created_at           timestamptz not null,
    created_by           text        not null,
    rotated_at           timestamptz,
    revoked_at           timestamptz
);
create index api_client_tenant_idx on api_client (tenant_id);
