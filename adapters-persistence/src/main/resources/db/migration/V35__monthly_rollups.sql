-- Monthly rollups: per tenant, calendar month (its first day), dimension and value, the sum of the month's daily rollup
-- rows, so a read over months sums a row per month instead of one per day (durations by worker over a year read 12
-- rows per worker instead of 365). Kept current with the daily rows, in the same transaction, by the same difference.
create table work_monthly (
    tenant_id          text           not null references tenant (id),
    month              date           not null check (extract(day from month) = 1),
    dimension          text           not null,
    value              text           not null,
    arrivals           bigint         not null,
    arrived_amount     numeric(19, 4) not null,
    completions        bigint         not null,
    completed_amount   numeric(19, 4) not null,
    cancellations      bigint         not null,
    with_deadline      bigint         not null,
    met                bigint         not null,
    first_pass         bigint         not null,
    reopened           bigint         not null,
    exceptions         bigint         not null,
    overridden         bigint         not null,
    claims             bigint         not null,
    claims_as_proposed bigint         not null,
    written_off        bigint         not null,
    recovered_amount   numeric(19, 4) not null,
    written_off_amount numeric(19, 4) not null,
    cycle_buckets      smallint[]     not null default '{}',
    cycle_counts       bigint[]       not null default '{}',
    wait_buckets       smallint[]     not null default '{}',
    wait_counts        bigint[]       not null default '{}',
    touch_buckets      smallint[]     not null default '{}',
    touch_counts       bigint[]       not null default '{}',
    primary key (tenant_id, dimension, month, value)
);

alter table work_monthly enable row level security;
alter table work_monthly force row level security;
create policy tenant_isolation on work_monthly using (tenant_id = current_setting('ordo.tenant_id', true)
    or current_setting('ordo.tenant_id', true) = '*');

-- the months of the daily rows already there
select set_config('ordo.tenant_id', '*', true);
insert into work_monthly (tenant_id, month, dimension, value, arrivals, arrived_amount, completions, completed_amount,
                          cancellations, with_deadline, met, first_pass, reopened, exceptions, overridden, claims,
                          claims_as_proposed, written_off, recovered_amount, written_off_amount)
select tenant_id, date_trunc('month', day)::date, dimension, value, sum(arrivals), sum(arrived_amount), sum(completions),
       sum(completed_amount), sum(cancellations), sum(with_deadline), sum(met), sum(first_pass), sum(reopened),
       sum(exceptions), sum(overridden), sum(claims), sum(claims_as_proposed), sum(written_off), sum(recovered_amount),
       sum(written_off_amount)
from work_daily group by 1, 2, 3, 4;

do $$
declare
    measure text;
begin
    foreach measure in array array['cycle', 'wait', 'touch']
    loop
        execute format('update work_monthly m set %1$I = h.buckets, %2$I = h.counts
            from (select tenant_id, month, dimension, value, array_agg(bucket order by bucket) as buckets,
                         array_agg(total order by bucket) as counts
                  from (select d.tenant_id, date_trunc(''month'', d.day)::date as month, d.dimension, d.value, u.bucket,
                               sum(u.count) as total
                        from work_daily d cross join lateral unnest(d.%1$I, d.%2$I) as u(bucket, count)
                        group by 1, 2, 3, 4, 5) b
                  group by 1, 2, 3, 4) h
            where m.tenant_id = h.tenant_id and m.month = h.month and m.dimension = h.dimension and m.value = h.value',
            measure || '_buckets', measure || '_counts');
    end loop;
end
$$;
