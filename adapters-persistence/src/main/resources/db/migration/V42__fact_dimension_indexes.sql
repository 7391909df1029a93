-- A read of the facts (two filters at once, or a filter the pair rollups do not answer) finds the facts of its queue,
-- payer or worker through an index instead of reading every fact of the range: one payer and one queue over 30 days
-- of 10,000,000 facts visit about 5,000 facts, not 760,000 (docs/benchmarks.md, "Filters read from the facts").
-- The three dimensions with many values that filters name most; team and site have few values each, and their
-- single-value reads come from the pair rows.
create index work_fact_queue_idx on work_fact (tenant_id, queue, received_at);
create index work_fact_payer_idx on work_fact (tenant_id, payer, received_at);
create index work_fact_worker_idx on work_fact (tenant_id, worker, received_at);
