-- Sign-in failure counts every node shares (the back-off of docs/security.md). The id is the first eight bytes of
-- SHA-256 over the key (an account, an address or both), so no login or address is stored in the clear. Platform
-- data, not a tenant's: no tenant_id and no row-level security.
create table sign_in_failure (
    id             bigint primary key,
    failures       integer     not null,
    last_failed_at timestamptz not null,
    blocked_until  timestamptz
);

create index sign_in_failure_idle on sign_in_failure (last_failed_at);

