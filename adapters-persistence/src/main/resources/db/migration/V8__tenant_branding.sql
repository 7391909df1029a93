-- White label per tenant: display name, logo, colours and terminology overrides used by the web pages.
create table tenant_branding (
    tenant_id     text        primary key references tenant (id),
    display_name  text        not null,
    logo_url      text,
    primary_color text        not null,
    accent_color  text        not null,
    terminology   jsonb       not null,
    updated_at    timestamptz not null default now()
);
