package health.ordo.adapter.persistence.operations;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.operations.OperationsSnapshot;
import health.ordo.application.port.in.operations.OperationsSnapshot.ConnectorHealth;
import health.ordo.application.port.in.operations.OperationsSnapshot.Escalations;
import health.ordo.application.port.in.operations.OperationsSnapshot.Outbox;
import health.ordo.application.port.in.operations.OperationsSnapshot.QueueLoad;
import health.ordo.application.port.out.operations.OperationsStatsPort;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operational snapshot in seven aggregate queries. Each reads what an index already narrows (open items, pending
 * outbox events, unfired timers, undelivered webhooks, unapplied write-backs); none returns a row per item.
 */
@Singleton
class JdbcOperationsStats implements OperationsStatsPort {

    private static final Duration HOUR = Duration.ofHours(1);

    private final JdbcOperations jdbc;

    JdbcOperationsStats(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OperationsSnapshot read(Instant now, Duration lateAfter) {
        return new OperationsSnapshot(now, queues(now), escalations(now, lateAfter), rescoreLag(now), connectors(now),
                outbox(now), countsByStatus("select status, count(*) from webhook_delivery where status <> 'DELIVERED' group by status"),
                failedAttempts(now),
                countsByStatus("select status, count(*) from write_back where status <> 'APPLIED' group by status"));
    }

    private List<QueueLoad> queues(Instant now) {
        Map<List<String>, QueueAccumulator> byQueue = new LinkedHashMap<>();
        Sql.query(jdbc, """
                select tenant_id, queue, status, count(*), min(created_at), count(*) filter (where deadline_at < ?)
                from work_item where status in ('READY', 'CLAIMED', 'IN_PROGRESS', 'ON_HOLD')
                group by tenant_id, queue, status order by tenant_id, queue, status""", rs -> {
            QueueAccumulator queue = byQueue.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new QueueAccumulator());
            String status = rs.getString(3);
            queue.byStatus.put(status, rs.getLong(4));
            if ("READY".equals(status)) {
                queue.oldestReady = age(now, rs.getTimestamp(5));
            }
            queue.breached += rs.getLong(6);
            return null;
        }, now);
        return byQueue.entrySet().stream().map(e -> new QueueLoad(e.getKey().get(0), e.getKey().get(1), e.getValue().byStatus,
                e.getValue().oldestReady, e.getValue().breached)).toList();
    }

    private Escalations escalations(Instant now, Duration lateAfter) {
        Instant lateCutoff = now.minus(lateAfter);
        Instant hourAgo = now.minus(HOUR);
        return Sql.query(jdbc, """
                select count(*) filter (where fired_at is null and due_at < ?), min(due_at) filter (where fired_at is null and due_at < ?),
                       count(*) filter (where fired_at >= ?), count(*) filter (where fired_at >= ? and late)
                from sla_timer where fired_at is null or fired_at >= ?""",
                rs -> new Escalations(rs.getLong(1), age(now, rs.getTimestamp(2)), rs.getLong(3), rs.getLong(4)),
                lateCutoff, lateCutoff, hourAgo, hourAgo, hourAgo).get(0);
    }

    private Duration rescoreLag(Instant now) {
        return Sql.query(jdbc, "select min(o.oldest) from tenant t cross join lateral (select min(scored_at) oldest from work_item"
                + " where tenant_id = t.id and status not in ('COMPLETED', 'CANCELLED')) o", rs -> age(now, rs.getTimestamp(1))).get(0);
    }

    private List<ConnectorHealth> connectors(Instant now) {
        return Sql.query(jdbc, """
                select s.tenant_id, s.name, s.type, s.health, s.last_success_at,
                       (select count(*) from connector_run r where r.tenant_id = s.tenant_id and r.connector = s.name
                          and r.status = 'FAILED' and r.started_at >= ?)
                from connector_state s order by s.tenant_id, s.name""",
                rs -> new ConnectorHealth(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : age(now, rs.getTimestamp(5)), rs.getLong(6)),
                now.minus(HOUR));
    }

    private Outbox outbox(Instant now) {
        return Sql.query(jdbc, "select count(*), min(occurred_at) from outbox_event where published_at is null",
                rs -> new Outbox(rs.getLong(1), age(now, rs.getTimestamp(2)))).get(0);
    }

    private long failedAttempts(Instant now) {
        return Sql.query(jdbc, """
                select count(*) from webhook_attempt
                where attempted_at >= ? and (status_code is null or status_code not between 200 and 299)""",
                rs -> rs.getLong(1), now.minus(HOUR)).get(0);
    }

    private Map<String, Long> countsByStatus(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Sql.query(jdbc, sql, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** How long ago a moment was; zero when there is none or it lies ahead. */
    private static Duration age(Instant now, Timestamp at) {
        if (at == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(at.toInstant(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static final class QueueAccumulator {
        private final Map<String, Long> byStatus = new LinkedHashMap<>();
        private Duration oldestReady = Duration.ZERO;
        private long breached;
    }
}
