package health.ordo.adapter.persistence.routing;

import health.ordo.application.port.in.routing.QueueStats;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.domain.routing.Queue;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;
import health.ordo.adapter.persistence.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queues, workers and routing rules in PostgreSQL; saves are upserts keyed by tenant and id. */
@Singleton
class JdbcWorkforceRepository implements WorkforcePort {

    private final JdbcOperations jdbc;
    private final RoutingJson json;

    JdbcWorkforceRepository(JdbcOperations jdbc, RoutingJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }




    @Override
    public List<Queue> queues(TenantId tenant) {
        return Sql.query(jdbc, "select * from work_queue where tenant_id = ? order by id", this::queue, tenant.value());
    }

    @Override
    public Optional<Queue> queue(TenantId tenant, String id) {
        return Sql.query(jdbc, "select * from work_queue where tenant_id = ? and id = ?", this::queue, tenant.value(), id).stream().findFirst();
    }

    private Queue queue(ResultSet rs) throws SQLException {
        return new Queue(new TenantId(rs.getString("tenant_id")), rs.getString("id"), rs.getString("name"), rs.getString("team"),
                rs.getString("site"), rs.getInt("weight"), Duration.ofSeconds(rs.getInt("reservation_timeout_seconds")));
    }

    @Override
    public void saveQueue(Queue queue) {
        Sql.update(jdbc, """
                insert into work_queue (tenant_id, id, name, team, site, weight, reservation_timeout_seconds) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, id) do update set name = excluded.name, team = excluded.team, site = excluded.site,
                    weight = excluded.weight, reservation_timeout_seconds = excluded.reservation_timeout_seconds""",
                queue.tenant().value(), queue.id(), queue.name(), queue.team(), queue.site(), queue.weight(),
                (int) queue.reservationTimeout().toSeconds());
    }

    @Override
    public boolean deleteQueueIfEmpty(TenantId tenant, String id) {
        return Sql.update(jdbc, """
                delete from work_queue q where tenant_id = ? and id = ? and not exists (select 1 from work_item w
                    where w.tenant_id = q.tenant_id and w.queue = q.id and w.status not in ('COMPLETED', 'CANCELLED'))""",
                tenant.value(), id) == 1;
    }

    @Override
    public List<Worker> workers(TenantId tenant) {
        return Sql.query(jdbc, "select * from worker where tenant_id = ? order by login", this::worker, tenant.value());
    }

    @Override
    public Optional<Worker> worker(TenantId tenant, String login) {
        return Sql.query(jdbc, "select * from worker where tenant_id = ? and login = ?", this::worker, tenant.value(), login).stream().findFirst();
    }

    @Override
    public Optional<Worker> lockWorker(TenantId tenant, String login) {
        return Sql.query(jdbc, "select * from worker where tenant_id = ? and login = ? for update", this::worker, tenant.value(), login)
                .stream().findFirst();
    }

    @Override
    public Optional<ClaimingWorker> lockWorkerForClaim(TenantId tenant, String login) {
        String sql = """
                select w.*,
                    (select coalesce(sum(i.size), 0) from work_item i where i.tenant_id = w.tenant_id and i.assignee = w.login
                        and i.status in ('CLAIMED', 'IN_PROGRESS')) as load,
                    (select coalesce(jsonb_object_agg(q.id, q.weight), '{}'::jsonb)::text from work_queue q
                        where q.tenant_id = w.tenant_id and q.id = any (w.queues)) as weights
                from worker w where w.tenant_id = ? and w.login = ? for update of w""";
        return Sql.query(jdbc, sql, rs -> {
            Worker worker = worker(rs);
            Map<String, Integer> configured = json.readLevels(rs.getString("weights"));
            Map<String, Integer> weights = new LinkedHashMap<>();
            // A queue the worker serves but nobody configured gets the default weight.
            worker.queues().forEach(queue -> weights.put(queue, configured.getOrDefault(queue, 1)));
            return new ClaimingWorker(worker, rs.getInt("load"), weights);
        }, tenant.value(), login).stream().findFirst();
    }

    private Worker worker(ResultSet rs) throws SQLException {
        return new Worker(new TenantId(rs.getString("tenant_id")), rs.getString("login"), rs.getString("team"), rs.getString("site"),
                List.of((String[]) rs.getArray("queues").getArray()), json.readLevels(rs.getString("skills")),
                rs.getInt("capacity"), rs.getBoolean("available"));
    }

    @Override
    public void saveWorker(Worker worker) {
        Sql.prepare(jdbc, """
                insert into worker (tenant_id, login, team, site, queues, skills, capacity, available) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (tenant_id, login) do update set team = excluded.team, site = excluded.site, queues = excluded.queues,
                    skills = excluded.skills, capacity = excluded.capacity, available = excluded.available""", statement -> {
            statement.setString(1, worker.tenant().value());
            statement.setString(2, worker.login());
            statement.setString(3, worker.team());
            statement.setString(4, worker.site());
            statement.setArray(5, statement.getConnection().createArrayOf("text", worker.queues().toArray()));
            statement.setString(6, json.writeLevels(worker.skills()));
            statement.setInt(7, worker.capacity());
            statement.setBoolean(8, worker.available());
            return statement.executeUpdate();
        });
    }

    @Override
    public boolean deleteWorker(TenantId tenant, String login) {
        return Sql.update(jdbc, "delete from worker where tenant_id = ? and login = ?", tenant.value(), login) == 1;
    }

    @Override
    public List<RoutingRule> rules(TenantId tenant) {
        return Sql.query(jdbc, "select * from routing_rule where tenant_id = ? order by position, id", rs -> new RoutingRule(
                new TenantId(rs.getString("tenant_id")), rs.getString("id"), rs.getInt("position"),
                json.readConditions(rs.getString("conditions")), rs.getString("target_queue"),
                json.readSkills(rs.getString("skills")), rs.getInt("size")), tenant.value());
    }

    @Override
    public void saveRule(RoutingRule rule) {
        Sql.update(jdbc, """
                insert into routing_rule (tenant_id, id, position, conditions, target_queue, skills, size)
                values (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
                on conflict (tenant_id, id) do update set position = excluded.position, conditions = excluded.conditions,
                    target_queue = excluded.target_queue, skills = excluded.skills, size = excluded.size""",
                rule.tenant().value(), rule.id(), rule.position(), json.writeConditions(rule.when()), rule.targetQueue(),
                json.writeSkills(rule.skills()), rule.size());
    }

    @Override
    public boolean deleteRule(TenantId tenant, String id) {
        return Sql.update(jdbc, "delete from routing_rule where tenant_id = ? and id = ?", tenant.value(), id) == 1;
    }

    @Override
    public Map<String, Map<String, Long>> assignedLoad(TenantId tenant) {
        Map<String, Map<String, Long>> load = new LinkedHashMap<>();
        Sql.query(jdbc, "select assignee, status, count(*) from work_item where tenant_id = ? and assignee is not null"
                + " and status in ('CLAIMED', 'IN_PROGRESS', 'ON_HOLD') group by assignee, status", rs -> {
            load.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            return null;
        }, tenant.value());
        return load;
    }

    @Override
    public QueueStats stats(TenantId tenant, String queue) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Instant[] oldest = new Instant[1];
        Sql.query(jdbc, "select status, count(*) as n, min(created_at) as oldest from work_item where tenant_id = ? and queue = ?"
                + " group by status order by status", rs -> {
            byStatus.put(rs.getString("status"), rs.getLong("n"));
            if ("READY".equals(rs.getString("status"))) {
                oldest[0] = rs.getObject("oldest", OffsetDateTime.class).toInstant();
            }
            return null;
        }, tenant.value(), queue);
        return new QueueStats(queue, byStatus.getOrDefault("READY", 0L),
                oldest[0] == null ? null : Duration.between(oldest[0], Instant.now()), byStatus);
    }
}
