-- Only a target's refusals count toward setting a write-back aside; outages (unreachable, 5xx) are retried for as long
-- as they last, so the attempts column (which paces the backoff) cannot tell them apart.
alter table write_back add column refusals integer not null default 0;
