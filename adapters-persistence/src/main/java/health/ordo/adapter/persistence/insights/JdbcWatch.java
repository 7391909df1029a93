package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.insights.WatchPort;
import health.ordo.domain.insights.Anomaly;
import health.ordo.domain.insights.WatchSettings;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Watch settings and progress, anomalies (with their AnomalyDetected event in the outbox), connector failures per day. */
@Singleton
class JdbcWatch implements WatchPort {

    private final JdbcOperations jdbc;

    JdbcWatch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WatchSettings settings(TenantId tenant) {
        return Sql.query(jdbc, "select * from watch_settings where tenant_id = ?", rs -> new WatchSettings(tenant,
                rs.getDouble("threshold"), rs.getDouble("min_deviation"), rs.getInt("aging_days"),
                (Integer) rs.getObject("aging_max"), rs.getBoolean("create_work_items"), rs.getString("owner")), tenant.value())
                .stream().findFirst().orElseGet(() -> WatchSettings.defaults(tenant));
    }

    @Override
    public void saveSettings(WatchSettings settings) {
        Sql.update(jdbc, """
                insert into watch_settings (tenant_id, threshold, min_deviation, aging_days, aging_max, create_work_items, owner)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set threshold = excluded.threshold, min_deviation = excluded.min_deviation,
                    aging_days = excluded.aging_days, aging_max = excluded.aging_max, create_work_items = excluded.create_work_items,
                    owner = excluded.owner""", settings.tenant().value(), settings.threshold(), settings.minDeviation(),
                settings.agingDays(), settings.agingMax(), settings.createWorkItems(), settings.owner());
    }

    @Override
    public Optional<LocalDate> lockLastWatched(TenantId tenant) {
        WatchSettings defaults = WatchSettings.defaults(tenant);
        Sql.update(jdbc, """
                insert into watch_settings (tenant_id, threshold, min_deviation, aging_days, create_work_items)
                values (?, ?, ?, ?, false) on conflict (tenant_id) do nothing""", tenant.value(), defaults.threshold(),
                defaults.minDeviation(), defaults.agingDays());
        return Sql.query(jdbc, "select last_watched from watch_settings where tenant_id = ? for update",
                rs -> Optional.ofNullable(rs.getObject(1, LocalDate.class)), tenant.value()).get(0);
    }

    @Override
    public void watched(TenantId tenant, LocalDate day) {
        Sql.update(jdbc, "update watch_settings set last_watched = ? where tenant_id = ?", day, tenant.value());
    }

    @Override
    public boolean settling(TenantId tenant) {
        return Sql.query(jdbc, """
                select exists (select 1 from history_import where tenant_id = ? and status in ('QUEUED', 'RUNNING'))
                    or exists (select 1 from insight_dirty_day where tenant_id = ?)""", rs -> rs.getBoolean(1),
                tenant.value(), tenant.value()).get(0);
    }

    @Override
    public boolean record(Anomaly anomaly, boolean publish) {
        boolean inserted = Sql.update(jdbc, """
                insert into insight_anomaly (tenant_id, id, metric, dimension, group_value, day, actual, expected, score, detected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict on constraint insight_anomaly_once do nothing""",
                anomaly.tenant().value(), anomaly.id(), anomaly.metric().name(), anomaly.dimension(), anomaly.group(), anomaly.day(),
                anomaly.actual(), anomaly.expected(), anomaly.score(), anomaly.detectedAt()) == 1;
        if (inserted && publish) {
            Sql.update(jdbc, """
                    insert into outbox_event (tenant_id, event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, payload)
                    values (?, ?, 'AnomalyDetected', 'Anomaly', ?, ?, 'ordo-watch',
                            jsonb_build_object('metric', ?::text, 'dimension', ?::text, 'group', ?::text, 'day', ?::text,
                                               'actual', ?::double precision, 'expected', ?::double precision, 'score', ?::double precision))""",
                    anomaly.tenant().value(), UUID.randomUUID(), anomaly.id(), anomaly.detectedAt(), anomaly.metric().name(),
                    anomaly.dimension(), anomaly.group(), anomaly.day().toString(), anomaly.actual(), anomaly.expected(), anomaly.score());
        }
        return inserted;
    }

    @Override
    public void linkWorkItem(TenantId tenant, UUID anomaly, String workItemId) {
        Sql.update(jdbc, "update insight_anomaly set work_item_id = ?::uuid where tenant_id = ? and id = ?", workItemId, tenant.value(), anomaly);
    }

    @Override
    public List<Anomaly> anomalies(TenantId tenant, LocalDate from, LocalDate to) {
        return Sql.query(jdbc, """
                select * from insight_anomaly where tenant_id = ? and day between ? and ?
                order by day desc, metric, dimension, group_value""", rs -> anomaly(tenant, rs), tenant.value(), from, to);
    }

    private static Anomaly anomaly(TenantId tenant, ResultSet rs) throws SQLException {
        Object item = rs.getObject("work_item_id");
        return new Anomaly(rs.getObject("id", UUID.class), tenant, Anomaly.Metric.valueOf(rs.getString("metric")), rs.getString("dimension"),
                rs.getString("group_value"), rs.getObject("day", LocalDate.class), rs.getDouble("actual"), rs.getDouble("expected"),
                rs.getDouble("score"), FactColumns.instant(rs, "detected_at"), item == null ? null : item.toString());
    }

    @Override
    public Map<String, Map<LocalDate, Double>> integrationFailures(TenantId tenant, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Map<LocalDate, Double>> failures = new HashMap<>();
        Sql.query(jdbc, """
                select connector, (started_at at time zone ?)::date as day,
                       count(*) filter (where status = 'FAILED') + coalesce(sum(failed), 0) as failures
                from connector_run where tenant_id = ? and started_at >= ? and started_at < ? group by 1, 2""", rs -> {
            failures.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getObject(2, LocalDate.class), rs.getDouble(3));
            return 1;
        }, zone.getId(), tenant.value(), start, end);
        return failures;
    }
}
