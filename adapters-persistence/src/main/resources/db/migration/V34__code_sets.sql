-- Versions of the CARC and RARC lists loaded after the release (the lists change several times a year). Each row holds
-- a whole code set as text, a code a line (code, status, start, stop, category or kind, description, tab-separated).
-- The deployment's versions are a reference table (every tenant reads them); a tenant's own are its alone.
create table code_set_published (
    version   text        primary key,
    loaded_by text        not null,
    loaded_at timestamptz not null,
    carc      text        not null,
    rarc      text        not null
);

create table code_set (
    tenant_id text        not null references tenant (id),
    version   text        not null,
    loaded_by text        not null,
    loaded_at timestamptz not null,
    carc      text        not null,
    rarc      text        not null,
    primary key (tenant_id, version)
);
alter table code_set enable row level security;
alter table code_set force row level security;
create policy tenant_isolation on code_set using (tenant_id = current_setting('ordo.tenant_id', true)
    or current_setting('ordo.tenant_id', true) = '*');
