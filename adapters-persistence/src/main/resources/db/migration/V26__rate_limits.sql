-- Token buckets every node shares (bucket4j's PostgreSQL layout: a row per bucket, its state serialised by bucket4j,
-- locked with SELECT ... FOR UPDATE while a node takes tokens). The id is a hash of the bucket's key and limit, so no
-- login, address or tenant is stored in the clear. Platform data, not a tenant's: no tenant_id and no row-level
-- security (the keys of every tenant's buckets live here, none readable as such).
create table rate_limit_bucket (
    id         bigint primary key,
    state      bytea,
    -- epoch milliseconds after which the bucket is full again and may be dropped
    expires_at bigint
);

create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);
