package health.ordo.adapter.persistence.insights;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.insights.OpenWorkPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ordo's open items and recent arrivals' scores, straight from {@code work_item}. */
@Singleton
class JdbcOpenWork implements OpenWorkPort {

    private static final int MAX_RECENT_SCORES = 50_000;

    private final JdbcOperations jdbc;

    JdbcOpenWork(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OpenItem> openItems(TenantId tenant) {
        return Sql.query(jdbc, """
                select id, queue, type, status in ('CLAIMED', 'IN_PROGRESS') as started, priority_score,
                       least(deadline_at, sla_deadline_at) as deadline, amount
                from work_item where tenant_id = ? and status not in ('COMPLETED', 'CANCELLED')""",
                rs -> new OpenItem(rs.getString("id"), rs.getString("queue"), rs.getString("type"), rs.getBoolean("started"),
                        rs.getDouble("priority_score"), FactColumns.instant(rs, "deadline"), rs.getBigDecimal("amount")),
                tenant.value());
    }

    @Override
    public Map<String, double[]> arrivalScores(TenantId tenant, Instant since) {
        Map<String, List<Double>> byQueue = new HashMap<>();
        Sql.query(jdbc, "select queue, priority_score from work_item where tenant_id = ? and created_at >= ? order by created_at desc limit ?",
                rs -> byQueue.computeIfAbsent(rs.getString(1), q -> new ArrayList<>()).add(rs.getDouble(2)),
                tenant.value(), since, MAX_RECENT_SCORES);
        Map<String, double[]> scores = new HashMap<>();
        byQueue.forEach((queue, values) -> scores.put(queue, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return scores;
    }
}
