-- The event stream for Kafka (issue 22): the relay also gives each event its place in one order across tenants
-- (relay_seq), and each stream keeps how far it has published (the producer marks a batch only after the broker acked it).

alter table outbox_event add column relay_seq bigint;
create unique index outbox_event_relay_seq_idx on outbox_event (relay_seq) where relay_seq is not null;

create table event_relay_counter (
    id             boolean primary key default true check (id),
    last_relay_seq bigint  not null
);
insert into event_relay_counter (id, last_relay_seq) values (true, 0);

create table event_stream_cursor (
    stream         text        primary key,
    last_relay_seq bigint      not null,
    updated_at     timestamptz not null
);
