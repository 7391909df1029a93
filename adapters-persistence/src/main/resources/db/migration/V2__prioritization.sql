-- Prioritization: score bases and overrides on work items, versioned policies, settings, background jobs.

-- A score's basis: enough to recompute its explanation exactly (policy versions and item content never change),
-- so that bulk re-scoring writes a few scalars per row instead of a whole explanation document.
alter table work_item
    add column score_computed         numeric(5, 2),
    add column score_policy_id        text,
    add column score_policy_version   integer,
    add column score_likelihood       numeric,
    add column score_likelihood_basis text,
    add column score_degraded_reason  text,
    add column scored_at              timestamptz,
    add column priority_override   jsonb,
    add column override_expires_at timestamptz;

update work_item set scored_at = updated_at;

-- The stale re-score walks open items by the age of their score.
create index work_item_rescore_idx on work_item (scored_at) where status not in ('COMPLETED', 'CANCELLED');
create index work_item_tenant_rescore_idx on work_item (tenant_id, scored_at) where status not in ('COMPLETED', 'CANCELLED');
create index work_item_override_due_idx on work_item (override_expires_at) where override_expires_at is not null;

create table priority_policy_version (
    tenant_id    text        not null references tenant (id),
    policy_id    text        not null check (policy_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    version      integer     not null check (version > 0),
    applies_to   text,
    status       text        not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    description  text,
    definition   jsonb       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    activated_at timestamptz,
    primary key (tenant_id, policy_id, version)
);
-- one active version per policy, and one active policy per (tenant, type) or per tenant for "all types"
create unique index priority_policy_one_active on priority_policy_version (tenant_id, policy_id) where status = 'ACTIVE';
create unique index priority_policy_one_active_per_type
    on priority_policy_version (tenant_id, coalesce(applies_to, '*')) where status = 'ACTIVE';

create table priority_settings (
    tenant_id                 text          primary key references tenant (id),
    override_reason_codes     text[]        not null,
    approval_threshold_points numeric(5, 2) not null
);

create table background_job (
    id          uuid        primary key,
    tenant_id   text        not null references tenant (id),
    kind        text        not null,
    subject     text        not null,
    state       text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    cutoff      timestamptz not null,
    total       bigint      not null,
    done        bigint      not null default 0,
    message     text,
    created_at  timestamptz not null,
    started_at  timestamptz,
    finished_at timestamptz,
    updated_at  timestamptz not null
);
create index background_job_open_idx on background_job (created_at) where state in ('QUEUED', 'RUNNING');
create index background_job_tenant_idx on background_job (tenant_id, created_at);
