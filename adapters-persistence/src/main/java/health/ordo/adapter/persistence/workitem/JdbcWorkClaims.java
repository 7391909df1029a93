package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.routing.RoutingJson;
import health.ordo.application.port.out.routing.ClaimNextWorkPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Claims at the database: the next READY item of a queue, and reservations that ran out; rows are read by the repository. */
@Singleton
class JdbcWorkClaims implements ClaimNextWorkPort {

    private static final String RESERVATION_EXPIRED = "w.status = 'CLAIMED' and w.claimed_at < ?::timestamptz - coalesce((select"
            + " q.reservation_timeout_seconds from work_queue q where q.tenant_id = w.tenant_id and q.id = w.queue), 900)"
            + " * interval '1 second'";

    private final WorkItemRows rows;
    private final JdbcOperations jdbc;
    private final RoutingJson routingJson;

    JdbcWorkClaims(WorkItemRows rows, JdbcOperations jdbc, RoutingJson routingJson) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.routingJson = routingJson;
    }

    /**
     * The best READY item of one queue that fits, locked; rows other workers hold are skipped, not waited for. A skill
     * requirement is met when the worker's level reaches its minimum, or when it is optional and the item has waited
     * longer than its relax time since arrival.
     */
    @Override
    public Optional<WorkItem> lockNextReady(TenantId tenant, String queue, int maxSize, Map<String, Integer> skills) {
        String tail = "c where c.tenant_id = ? and c.queue = ? and c.status = 'READY' and c.size <= ?"
                + " and (c.skill_requirements = '[]'::jsonb or not exists (select 1 from jsonb_array_elements(c.skill_requirements) r"
                + "   where coalesce((?::jsonb ->> (r->>'skill'))::int, 0) < (r->>'min')::int"
                + "   and (r->>'relaxAfterSeconds' is null or c.created_at + (r->>'relaxAfterSeconds')::int * interval '1 second' > now())))"
                + " order by c.priority_score desc, " + WorkItemRows.DEADLINE_KEY.replace("deadline_at", "c.deadline_at")
                + ", c.id limit 1 for update skip locked";
        return rows.selectWhere(tail, List.of(tenant.value(), queue, maxSize, routingJson.writeLevels(skills))).stream().findFirst();
    }

    @Override
    public List<TenantId> tenantsWithExpiredReservations(Instant now) {
        return Sql.query(jdbc, "select w.tenant_id from work_item w where " + RESERVATION_EXPIRED + " group by w.tenant_id"
                + " order by min(w.claimed_at)", rs -> new TenantId(rs.getString(1)), now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<WorkItem> lockExpiredReservations(TenantId tenant, Instant now, int limit) {
        return rows.selectWhere("w where w.tenant_id = ? and " + RESERVATION_EXPIRED + " order by w.claimed_at limit ? for update skip locked",
                List.of(tenant.value(), now.atOffset(ZoneOffset.UTC), limit));
    }
}
