-- The facts closed in a range that arrived before it (the second half of every read of a range's facts: filtered
-- insights, a day rebuilt whole) are found in the index itself: with the arrival in the key, the facts that arrived in
-- the range, read by the first half, are passed over without visiting their rows. Replaces work_fact_closed_idx.
create index work_fact_closed_range_idx on work_fact (tenant_id, closed_at, received_at) where closed_at is not null;
drop index work_fact_closed_idx;
