-- Document intake (issue 23): documents with their bytes (once per tenant and content hash), the classification and the
-- fields read, the reviewers' labels, the tenant's classifier registry and its settings.

create table intake_document (
    tenant_id        text        not null references tenant (id),
    id               uuid        not null,
    sha256           text        not null,
    file_name        text,
    media_type       text        not null,
    size_bytes       bigint      not null,
    channel          text        not null,
    received_by      text        not null,
    received_at      timestamptz not null,
    status           text        not null check (status in ('RECEIVED', 'WORK_CREATED', 'FILED', 'IN_REVIEW', 'REVIEWED', 'FAILED')),
    text             text,
    text_source      text,
    pages            integer     not null default 0,
    doc_type         text,
    confidence       double precision,
    probabilities    jsonb,
    model            text,
    degraded         boolean     not null default false,
    fields           jsonb       not null default '[]',
    summary          text,
    work_item_id     uuid,
    review_item_id   uuid,
    review_reason    text,
    failure          text,
    reviewed_type    text,
    reviewed_by      text,
    reviewed_at      timestamptz,
    automatic        boolean     not null default false,
    corrected        boolean     not null default false,
    classified_at    timestamptz,
    updated_at       timestamptz not null,
    primary key (tenant_id, id)
);
create unique index intake_document_hash on intake_document (tenant_id, sha256);
create index intake_document_list_idx on intake_document (tenant_id, received_at desc, id);
create index intake_document_status_idx on intake_document (tenant_id, status, received_at desc);

-- the bytes apart from the row that is read and listed often; TOAST compresses and moves them out of line anyway
create table intake_document_content (
    tenant_id   text  not null,
    document_id uuid  not null,
    bytes       bytea not null,
    primary key (tenant_id, document_id),
    foreign key (tenant_id, document_id) references intake_document (tenant_id, id)
);

create table intake_label (
    tenant_id   text        not null,
    document_id uuid        not null,
    doc_type    text        not null,
    corrected   boolean     not null,
    text        text        not null,
    labelled_by text        not null,
    labelled_at timestamptz not null,
    primary key (tenant_id, document_id)
);

create table intake_model (
    tenant_id          text        not null references tenant (id),
    version            integer     not null,
    status             text        not null check (status in ('CANDIDATE', 'ACTIVE', 'RETIRED')),
    training_snapshot  text        not null,
    training_documents integer     not null,
    labels             integer     not null,
    evaluation         jsonb       not null,
    trained_by         text        not null,
    trained_at         timestamptz,
    activated_by       text,
    activated_at       timestamptz,
    -- null for the bundled version 0: every node trains it from the shipped corpus, identically
    bytes              bytea,
    primary key (tenant_id, version)
);
create unique index intake_model_one_active on intake_model (tenant_id) where status = 'ACTIVE';

create table intake_settings (
    tenant_id         text             primary key references tenant (id),
    default_threshold double precision not null,
    thresholds        jsonb            not null,
    model_enabled     boolean          not null
);

do $$
declare
    t text;
begin
    foreach t in array array['intake_document', 'intake_document_content', 'intake_label', 'intake_model', 'intake_settings']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''ordo.tenant_id'', true) '
            || 'or current_setting(''ordo.tenant_id'', true) = ''*'')', t);
    end loop;
end
$$;
