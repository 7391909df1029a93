package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.insights.FactsPort;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WorkFact;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.LifecycleAction;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Facts of Ordo's items (one query joins each changed item with its queue, worker and history), imported facts, and the
 * rollup rows. Facts are replaced by id: the old row is deleted (wherever its month) and the new one inserted, and the
 * rollup rows of the days both touch change by the difference in the same transaction.
 */
@Singleton
class JdbcFacts implements FactsPort {

    private static final String CHANGED_ITEMS = """
            select w.tenant_id, w.id, w.source_system, w.external_id, w.type, w.queue, coalesce(wk.team, q.team) as team,
                   coalesce(w.attributes ->> 'facility', w.attributes ->> 'site', wk.site, q.site) as site, w.assignee,
                   coalesce(w.attributes ->> 'payer', w.attributes ->> 'payerName', w.attributes ->> 'payerId') as payer,
                   coalesce(w.attributes ->> 'supplier', w.attributes ->> 'supplierName', w.attributes ->> 'vendor') as supplier,
                   w.attributes ->> 'specialty' as specialty, w.amount, w.currency, w.created_at, w.status, w.resolution_code,
                   w.deadline_at, w.priority_override is not null as overridden_now, w.updated_at, w.external_id like '%:reissued:%' as reissued,
                   h.first_claim, h.first_start, h.closed_at, h.held_seconds, h.holds, h.escalations, h.claims, h.proposed, h.overrides
            from work_item w
            left join work_queue q on q.tenant_id = w.tenant_id and q.id = w.queue
            left join worker wk on wk.tenant_id = w.tenant_id and wk.login = w.assignee
            left join lateral (
                select min(at) filter (where action = 'claim') as first_claim,
                       min(at) filter (where action = 'start') as first_start,
                       max(at) filter (where action in ('complete', 'cancel')) as closed_at,
                       coalesce(sum(extract(epoch from (coalesce(next_at, at) - at))) filter (where action = 'hold'), 0)::bigint as held_seconds,
                       count(*) filter (where action = 'hold') as holds,
                       count(*) filter (where action = 'escalate') as escalations,
                       count(*) filter (where action = 'claim') as claims,
                       count(*) filter (where action = 'claim' and note = ?) as proposed,
                       count(*) filter (where action in ('override-applied', 'override-approved')) as overrides
                from (select action, at, note, lead(at) over (order by seq) as next_at
                      from work_item_history hh where hh.tenant_id = w.tenant_id and hh.work_item_id = w.id) x
            ) h on true
            where (w.updated_at, w.id) > (?, ?) and w.updated_at < ?
            order by w.updated_at, w.id
            limit ?""";

    private static final String INSERT_FACT = """
            insert into work_fact (tenant_id, fact_id, origin, source_system, external_id, queue, type, team, site, worker, payer,
                                   supplier, specialty, amount, currency, received_at, first_claimed_at, started_at, closed_at,
                                   cancelled, written_off, deadline_at, held_seconds, reopened, exception, overridden, claims,
                                   claims_as_proposed)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;

    private final RollupRows rollups;

    JdbcFacts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.rollups = new RollupRows(jdbc);
    }

    @Override
    public Optional<Watermark> lockWatermark() {
        return Sql.query(jdbc, "select changed_at, item_id from insight_watermark where name = 'live-facts' for update skip locked",
                rs -> new Watermark(FactColumns.instant(rs, "changed_at"), rs.getObject("item_id", UUID.class))).stream().findFirst();
    }

    @Override
    public ChangedItems changedItems(Watermark after, Instant settledBefore, int limit) {
        List<Instant> changedAt = new ArrayList<>();
        List<KeyedFact> facts = Sql.query(jdbc, CHANGED_ITEMS, rs -> {
            changedAt.add(FactColumns.instant(rs, "updated_at"));
            return liveFact(rs);
        }, LifecycleAction.PROPOSED_CLAIM, after.changedAt(), after.itemId(), settledBefore, limit);
        if (facts.isEmpty()) {
            return new ChangedItems(List.of(), after);
        }
        KeyedFact last = facts.get(facts.size() - 1);
        return new ChangedItems(facts, new Watermark(changedAt.get(changedAt.size() - 1), last.factId()));
    }

    private static KeyedFact liveFact(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        boolean closed = status.equals("COMPLETED") || status.equals("CANCELLED");
        Instant closedAt = closed ? Optional.ofNullable(FactColumns.instant(rs, "closed_at")).orElse(FactColumns.instant(rs, "updated_at")) : null;
        String resolution = rs.getString("resolution_code");
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        dimensions.put(Dimension.QUEUE, rs.getString("queue"));
        dimensions.put(Dimension.TYPE, rs.getString("type"));
        dimensions.put(Dimension.TEAM, rs.getString("team"));
        dimensions.put(Dimension.SITE, rs.getString("site"));
        dimensions.put(Dimension.WORKER, rs.getString("assignee"));
        dimensions.put(Dimension.PAYER, rs.getString("payer"));
        dimensions.put(Dimension.SUPPLIER, rs.getString("supplier"));
        dimensions.put(Dimension.SPECIALTY, rs.getString("specialty"));
        dimensions.put(Dimension.SOURCE_SYSTEM, rs.getString("source_system"));
        WorkFact fact = new WorkFact(dimensions, rs.getBigDecimal("amount"), FactColumns.instant(rs, "created_at"),
                FactColumns.instant(rs, "first_claim"), FactColumns.instant(rs, "first_start"), closedAt,
                status.equals("CANCELLED"), status.equals("COMPLETED") && resolution != null && ApprovalSettings.WRITE_OFF_CODES.contains(resolution),
                FactColumns.instant(rs, "deadline_at"), Duration.ofSeconds(rs.getLong("held_seconds")), rs.getBoolean("reissued") ? 1 : 0,
                rs.getLong("holds") + rs.getLong("escalations") > 0, rs.getBoolean("overridden_now") || rs.getLong("overrides") > 0,
                rs.getInt("claims"), rs.getInt("proposed"));
        return new KeyedFact(new TenantId(rs.getString("tenant_id")), rs.getObject("id", UUID.class), true,
                rs.getString("source_system"), rs.getString("external_id"), rs.getString("currency"), fact);
    }

    @Override
    public void saveWatermark(Watermark watermark) {
        Sql.update(jdbc, "update insight_watermark set changed_at = ?, item_id = ? where name = 'live-facts'",
                watermark.changedAt(), watermark.itemId());
    }

    @Override
    public void ensurePartitions(Collection<YearMonth> months) {
        for (YearMonth month : new LinkedHashSet<>(months)) {
            Sql.query(jdbc, "select ordo_work_fact_partition(?)", rs -> 1, month.atDay(1));
        }
    }

    @Override
    public void saveFacts(List<KeyedFact> given, Function<TenantId, ZoneId> zones) {
        if (given.isEmpty()) {
            return;
        }
        List<KeyedFact> facts = given.stream().map(keyed -> new KeyedFact(keyed.tenant(), keyed.factId(), keyed.live(),
                keyed.sourceSystem(), keyed.externalId(), keyed.currency(), FactColumns.asStored(keyed.fact(), keyed.sourceSystem()))).toList();
        Map<String, DailyRollup.Change> changes = new TreeMap<>();
        // the facts replaced, found through work_fact_key: deleted by their full key, and counted out of their days' rows
        Map<String, List<UUID>> idsByTenant = new LinkedHashMap<>();
        facts.forEach(keyed -> idsByTenant.computeIfAbsent(keyed.tenant().value(), t -> new ArrayList<>()).add(keyed.factId()));
        List<Object[]> replaced = new ArrayList<>();
        for (Map.Entry<String, List<UUID>> tenant : idsByTenant.entrySet()) {
            String ids = tenant.getValue().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            ZoneId zone = zones.apply(new TenantId(tenant.getKey()));
            countedIn(tenant.getKey(), zone);
            DailyRollup.Change change = changes.computeIfAbsent(tenant.getKey(), t -> new DailyRollup.Change(zone));
            // one probe of the key and one of the fact's partition per id (each lateral's limit keeps PostgreSQL from
            // flattening it into a join): as a join, its generic plan on a table not yet analysed walked the tenant's facts
            // and tested each against the whole list of ids, 11 s for 3,000 ids of 3,000 facts
            Sql.query(jdbc, """
                    select f.* from unnest(?::uuid[]) as u(fact_id)
                    cross join lateral (select k.received_at from work_fact_key k
                                        where k.tenant_id = ? and k.fact_id = u.fact_id limit 1) k
                    cross join lateral (select f.* from work_fact f
                                        where f.tenant_id = ? and f.received_at = k.received_at and f.fact_id = u.fact_id limit 1) f""", rs -> {
                WorkFact old = FactColumns.read(rs);
                change.remove(old);
                replaced.add(new Object[]{tenant.getKey(), old.receivedAt(), rs.getObject("fact_id", UUID.class)});
                return 1;
            }, ids, tenant.getKey(), tenant.getKey());
        }
        if (!replaced.isEmpty()) {
            Sql.prepareBatch(jdbc, "delete from work_fact where tenant_id = ? and received_at = ? and fact_id = ?", statement -> {
                for (Object[] key : replaced) {
                    Sql.bind(statement, key);
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
        }
        Sql.prepareBatch(jdbc, """
                insert into work_fact_key (tenant_id, fact_id, received_at, closed_at) values (?, ?, ?, ?)
                on conflict (tenant_id, fact_id) do update set received_at = excluded.received_at, closed_at = excluded.closed_at""",
                statement -> {
                    for (KeyedFact keyed : facts) {
                        Sql.bind(statement, keyed.tenant().value(), keyed.factId(), keyed.fact().receivedAt(), keyed.fact().closedAt());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
        Sql.prepareBatch(jdbc, INSERT_FACT, statement -> {
            for (KeyedFact keyed : facts) {
                bindFact(statement, keyed);
                statement.addBatch();
                changes.get(keyed.tenant().value()).add(keyed.fact());
            }
            return statement.executeBatch();
        });
        // the rollups follow in the same transaction: every day the old and new facts touch, locked first
        Map<String, List<DailyRollup.Row>> rows = new TreeMap<>();
        changes.forEach((tenant, change) -> rows.put(tenant, change.rows()));
        rollups.lock(rows.entrySet().stream().flatMap(tenant -> tenant.getValue().stream()
                .map(row -> new RollupRows.TenantDay(tenant.getKey(), row.day()))).toList());
        rows.forEach(rollups::change);
    }

    private static void bindFact(PreparedStatement statement, KeyedFact keyed) throws SQLException {
        WorkFact fact = keyed.fact();
        Sql.bind(statement, keyed.tenant().value(), keyed.factId(), keyed.live() ? "LIVE" : "IMPORTED", keyed.sourceSystem(),
                keyed.externalId(), fact.value(Dimension.QUEUE), fact.value(Dimension.TYPE), stored(fact, Dimension.TEAM),
                stored(fact, Dimension.SITE), stored(fact, Dimension.WORKER), stored(fact, Dimension.PAYER),
                stored(fact, Dimension.SUPPLIER), stored(fact, Dimension.SPECIALTY), fact.amount().signum() == 0 && keyed.currency() == null ? null : fact.amount(),
                fact.amount().signum() == 0 && keyed.currency() == null ? null : keyed.currency() == null ? "USD" : keyed.currency(),
                fact.receivedAt(), fact.firstClaimedAt(), fact.startedAt(), fact.closedAt(), fact.cancelled(), fact.writtenOff(),
                fact.deadline(), fact.held().toSeconds(), fact.reopened(), fact.exception(), fact.overridden(), fact.claims(),
                fact.claimsAsProposed());
    }

    /** A dimension's value as stored: null for none. */
    private static String stored(WorkFact fact, Dimension dimension) {
        String value = fact.value(dimension);
        return Dimension.NONE.equals(value) ? null : value;
    }

    @Override
    public List<TenantId> tenantsWithChangedDays() {
        return Sql.query(jdbc, "select tenant_id from insight_dirty_day group by tenant_id order by min(day)",
                rs -> new TenantId(rs.getString(1)));
    }

    @Override
    public List<TenantDay> claimChangedDays(TenantId tenant, int limit) {
        return Sql.query(jdbc, """
                delete from insight_dirty_day where tenant_id = ? and day in (
                    select day from insight_dirty_day where tenant_id = ? order by day for update skip locked limit ?)
                returning tenant_id, day""",
                rs -> new TenantDay(new TenantId(rs.getString("tenant_id")), rs.getObject("day", LocalDate.class)),
                tenant.value(), tenant.value(), limit);
    }

    @Override
    public List<WorkFact> factsTouching(TenantId tenant, LocalDate day, ZoneId zone) {
        rollups.lock(List.of(new RollupRows.TenantDay(tenant.value(), day)));
        return touching(tenant, day, zone);
    }

    /** The day's facts, its month already locked by the caller. */
    private List<WorkFact> touching(TenantId tenant, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        return Sql.query(jdbc, FactColumns.touching(""), FactColumns::read, FactColumns.touchingParams(tenant.value(), start, end, List.of()));
    }

    @Override
    public void rebuildRollups(TenantId tenant, List<LocalDate> days, ZoneId zone) {
        countedIn(tenant.value(), zone);
        // every month the days are in, locked at once in the global order
        rollups.lock(days.stream().map(day -> new RollupRows.TenantDay(tenant.value(), day)).toList());
        rollups.replace(tenant.value(), days, day -> DailyRollup.of(day, zone, touching(tenant, day, zone)));
    }

    /** Records the zone a tenant's rollups count in, unless one is recorded (a zone that changed is seen by the rounds). */
    private void countedIn(String tenant, ZoneId zone) {
        Sql.update(jdbc, "insert into insight_zone (tenant_id, zone) values (?, ?) on conflict (tenant_id) do nothing", tenant, zone.getId());
    }

    @Override
    public Map<TenantId, String> rollupZones() {
        Map<TenantId, String> zones = new TreeMap<>(java.util.Comparator.comparing(TenantId::value));
        Sql.query(jdbc, "select tenant_id, zone from insight_zone", rs -> zones.put(new TenantId(rs.getString(1)), rs.getString(2)));
        return zones;
    }

    @Override
    public boolean recountRollups(TenantId tenant, ZoneId zone) {
        // the row lock of the update makes a second node's recount wait, then find the zone recorded and do nothing
        if (Sql.update(jdbc, "update insight_zone set zone = ? where tenant_id = ? and zone <> ?", zone.getId(), tenant.value(), zone.getId()) == 0) {
            return false;
        }
        Sql.update(jdbc, "delete from work_daily where tenant_id = ?", tenant.value());
        Sql.update(jdbc, "delete from work_monthly where tenant_id = ?", tenant.value());
        Sql.update(jdbc, """
                insert into insight_dirty_day (tenant_id, day)
                select ?, d::date from (select min(received_at) as first, max(coalesce(closed_at, received_at)) as last
                                        from work_fact where tenant_id = ?) r
                cross join generate_series((r.first at time zone ?)::date::timestamp, (r.last at time zone ?)::date::timestamp,
                                           interval '1 day') d
                where r.first is not null
                on conflict do nothing""", tenant.value(), tenant.value(), zone.getId(), zone.getId());
        return true;
    }
}
