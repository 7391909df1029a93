package health.ordo.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import pro.taskana.TaskanaConfiguration;
import pro.taskana.classification.api.ClassificationService;
import pro.taskana.classification.api.models.Classification;
import pro.taskana.common.api.BaseQuery.SortDirection;
import pro.taskana.common.api.KeyDomain;
import pro.taskana.common.api.TaskanaEngine;
import pro.taskana.common.api.TaskanaEngine.ConnectionManagementMode;
import pro.taskana.common.api.security.UserPrincipal;
import pro.taskana.task.api.TaskCustomIntField;
import pro.taskana.task.api.TaskService;
import pro.taskana.task.api.models.Task;
import pro.taskana.task.internal.jobs.TaskUpdatePriorityJob;
import pro.taskana.workbasket.api.WorkbasketService;
import pro.taskana.workbasket.api.WorkbasketType;
import pro.taskana.workbasket.api.models.Workbasket;

import javax.security.auth.Subject;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Taskana 8.2.0 as a library, set up the way its own tests and documentation do it: its own schema ({@code taskana})
 * created by the engine on the shared PostgreSQL server, {@link ConnectionManagementMode#AUTOCOMMIT} (each API call one
 * transaction, as in Taskana's acceptance tests), security switched off with a fixed JAAS user per worker
 * ({@link UserPrincipal} in a {@link Subject}, which is where Taskana reads the current user from), its job scheduler
 * off (the harness runs the priority job itself), and a {@link BenchPriorityProvider} registered through Taskana's
 * priority SPI ({@code META-INF/services}), which computes a task's priority at creation and in the priority job.
 * Ten GROUP workbaskets {@code q0}…{@code q9} in domain {@code DOMAIN_A}, one classification {@code L10000}.
 */
final class TaskanaSide implements PeerHarness.Engine {

    static final String SCHEMA = "taskana";
    static final String DOMAIN = "DOMAIN_A";
    static final String CLASSIFICATION = "L10000";

    private final HikariDataSource dataSource;
    private final TaskanaEngine engine;
    private final TaskService tasks;
    private final Map<String, String> workbasketIds = new HashMap<>();
    private final Subject[] workers;

    TaskanaSide(String url, String user, String password, int poolSize, int workerCount, int queues) throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("taskana");
        // connections start in Taskana's schema, so the pool does not reset the search path Taskana sets on every call
        pool.setSchema(SCHEMA);
        dataSource = new HikariDataSource(pool);
        TaskanaConfiguration configuration = new TaskanaConfiguration.Builder(dataSource, false, SCHEMA, false)
                .domains(List.of(DOMAIN))
                .classificationTypes(List.of("TASK"))
                .classificationCategoriesByType(Map.of("TASK", List.of("EXTERNAL")))
                .jobSchedulerEnabled(false)
                .build();
        engine = TaskanaEngine.buildTaskanaEngine(configuration, ConnectionManagementMode.AUTOCOMMIT);
        tasks = engine.getTaskService();
        workers = new Subject[workerCount];
        for (int w = 0; w < workerCount; w++) {
            workers[w] = new Subject(true, Set.of(new UserPrincipal("w" + w)), Set.of(), Set.of());
        }
        as(new Subject(true, Set.of(new UserPrincipal("admin")), Set.of(), Set.of()), () -> {
            ClassificationService classifications = engine.getClassificationService();
            Classification classification = classifications.newClassification(CLASSIFICATION, DOMAIN, "TASK");
            classification.setName("Benchmark work");
            classification.setCategory("EXTERNAL");
            classification.setServiceLevel("P10D");
            classifications.createClassification(classification);
            WorkbasketService workbaskets = engine.getWorkbasketService();
            for (int q = 0; q <= queues; q++) {
                String key = q == queues ? "ingest" : "q" + q;
                Workbasket workbasket = workbaskets.newWorkbasket(key, DOMAIN);
                workbasket.setName("Queue " + key);
                workbasket.setType(WorkbasketType.GROUP);
                workbasketIds.put(key, workbaskets.createWorkbasket(workbasket).getId());
            }
            return null;
        });
    }

    @Override
    public String name() {
        return "Taskana";
    }

    /**
     * Open tasks straight into Taskana's TASK table (the harness measures claiming, not seeding), with the same
     * priorities, queues, amounts and due dates as Ordo's seed row {@code g}: see {@link PeerHarness#SEED_COLUMNS}.
     */
    @Override
    public void seed(Connection sql, int items, int queues) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("""
                    insert into taskana.task (id, external_id, created, modified, received, planned, due, name, creator, priority,
                        manual_priority, state, classification_category, classification_key, classification_id, workbasket_id,
                        workbasket_key, domain, business_process_id, por_company, por_system, por_instance, por_type, por_value,
                        is_read, is_transferred, custom_int_1, number_of_comments)
                    select 'TKI:' || gen_random_uuid(), 'ETI:' || gen_random_uuid(), now(), now(), now(), now(), s.due,
                        'Load item ' || g, 'bench', s.points, -1, 'READY', 'EXTERNAL', 'CLASSIFICATION', c.id, w.id, w.key,
                        'DOMAIN_A', 'BPI:' || gen_random_uuid(), 'BENCH', 'bench', 'bench', 'ITEM', 'G-' || g,
                        false, false, s.cents / 100, 0
                    from generate_series(1, ITEMS) g
                    cross join lateral (select SEED_COLUMNS) s
                    join taskana.workbasket w on w.key = 'q' || (g % QUEUES) and w.domain = 'DOMAIN_A'
                    join taskana.classification c on c.key = 'CLASSIFICATION' and c.domain = 'DOMAIN_A'
                    """.replace("CLASSIFICATION", CLASSIFICATION).replace("SEED_COLUMNS", PeerHarness.SEED_COLUMNS)
                    .replace("ITEMS", Integer.toString(items)).replace("QUEUES", Integer.toString(queues)));
            statement.execute("vacuum analyze taskana.task");
        }
    }

    /** {@code TaskService.selectAndClaim}: the highest-priority READY task of the worker's workbasket, claimed. */
    @Override
    public String claimNext(int worker, String queue) throws Exception {
        return as(workers[worker], () -> {
            Optional<Task> task = tasks.selectAndClaim(tasks.createTaskQuery()
                    .workbasketKeyDomainIn(new KeyDomain(queue, DOMAIN))
                    .orderByPriority(SortDirection.DESCENDING));
            return task.map(Task::getId).orElse(null);
        });
    }

    @Override
    public void complete(int worker, String id) throws Exception {
        as(workers[worker], () -> tasks.completeTask(id));
    }

    @Override
    public void resetBacklog(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("update taskana.task set state = 'READY', owner = null, claimed = null, completed = null "
                    + "where state <> 'READY' and workbasket_key <> 'ingest'");
            statement.execute("vacuum analyze taskana.task");
        }
    }

    /** Taskana keeps no claim history without its history plugin: the owner of each completed task is all it records. */
    @Override
    public long doubleAssignmentsInStore(Connection sql, Instant since) {
        return 0;
    }

    /** {@code TaskService.createTask} with the classification, a primary object reference and the amount (custom int 1). */
    @Override
    public void create(int worker, int n, long cents, Instant due) throws Exception {
        as(workers[worker], () -> {
            Task task = tasks.newTask(workbasketIds.get("ingest"));
            task.setClassificationKey(CLASSIFICATION);
            task.setPrimaryObjRef(tasks.newObjectReference("BENCH", "bench", "bench", "ITEM", "I-" + n));
            task.setName("Ingested item " + n);
            task.setCustomIntField(TaskCustomIntField.CUSTOM_INT_1, (int) (cents / 100));
            task.setDue(due);
            return tasks.createTask(task);
        });
    }

    /**
     * Taskana's own way of re-prioritising: change what the priority SPI computes (the next version of its weights),
     * then run {@link TaskUpdatePriorityJob}, which lists every task not in an end state and, in batches of its
     * configured size (default 100), reads the tasks, asks the SPI and writes the changed priorities in one JDBC batch.
     * Answers the tasks the SPI scored.
     */
    @Override
    public long reprioritise(Connection sql) throws Exception {
        BenchPriorityProvider.nextVersion();
        long scoredBefore = BenchPriorityProvider.scored();
        as(new Subject(true, Set.of(new UserPrincipal("admin")), Set.of(), Set.of()), () -> {
            new TaskUpdatePriorityJob(engine).execute();
            return null;
        });
        return BenchPriorityProvider.scored() - scoredBefore;
    }

    @Override
    public long openItems(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from taskana.task where state not in ('COMPLETED', 'CANCELLED', 'TERMINATED')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public String table() {
        return "taskana.task";
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static <T> T as(Subject subject, PrivilegedExceptionAction<T> action) throws Exception {
        try {
            return Subject.doAs(subject, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
