-- Every change of a work item that moves its status inserts an entry into each index whose predicate the new row
-- matches; the re-score sweep's two indexes (scored_at, and tenant_id, scored_at) both hold every open item. The
-- per-tenant one serves what the global one did (the tenants with stale scores, the oldest score: one probe per
-- tenant), so a work item's update writes one index entry fewer (docs/benchmarks.md).
drop index work_item_rescore_idx;
