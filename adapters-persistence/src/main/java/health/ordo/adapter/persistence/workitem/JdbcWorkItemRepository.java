package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.ClockInputsReads;
import health.ordo.adapter.persistence.DeferredWrites;
import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.routing.RoutingJson;
import health.ordo.application.port.out.workitem.ConcurrentUpdateException;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static health.ordo.adapter.persistence.workitem.WorkItemRows.COLUMNS;
import static health.ordo.adapter.persistence.workitem.WorkItemRows.setInstant;

/** Work items in PostgreSQL: idempotent insert on the source key, version-guarded update; rows are read by {@link WorkItemRows}. */
@Singleton
class JdbcWorkItemRepository implements LoadWorkItemPort, SaveWorkItemPort {

    private static final String LOCK = "select " + COLUMNS + " from work_item where tenant_id = ? and id = ? for update";

    private static final String INSERT_HEAD = """
            insert into work_item (id, tenant_id, type, source_system, external_id, content_fingerprint, title, amount,
                currency, due_at, hard_deadline_at, deadline_at, attributes, requested_queue, queue, assignee, status,
                status_reason, resolution_code, priority_score, created_at, updated_at, version, score_computed, score_policy_id,
                score_policy_version, score_likelihood, score_likelihood_basis, score_degraded_reason, scored_at,
                priority_override, override_expires_at, skill_requirements, size, claimed_at, sla_boost, provenance, provenance_name,
                sla_state, sla_deadline_at)
            values\s""";
    private static final String INSERT_ROW = """
            (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?,
                ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ON_SOURCE_CONFLICT = "\non conflict (tenant_id, source_system, external_id) do nothing";
    private static final String INSERT = INSERT_HEAD + INSERT_ROW + ON_SOURCE_CONFLICT;
    private static final int INSERT_PARAMETERS = (int) INSERT_ROW.chars().filter(c -> c == '?').count();
    /**
     * Rows of a batch per insert statement: one statement of many rows costs PostgreSQL one executor start-up (its
     * indexes, constraints and row-level security opened once), where a JDBC batch of single-row inserts pays it per
     * row; 500 rows stay well under the protocol's 32,767 parameters per statement.
     */
    static final int ROWS_PER_INSERT = 500;

    private static final String UPDATE = """
            update work_item set queue = ?, assignee = ?, status = ?, status_reason = ?, resolution_code = ?,
                priority_score = ?, updated_at = ?, score_computed = ?, score_policy_id = ?, score_policy_version = ?,
                score_likelihood = ?, score_likelihood_basis = ?, score_degraded_reason = ?, scored_at = ?,
                priority_override = ?::jsonb, override_expires_at = ?, skill_requirements = ?::jsonb, size = ?, claimed_at = ?,
                sla_boost = ?, sla_state = ?, sla_deadline_at = ?, version = version + 1
            where tenant_id = ? and id = ? and version = ?""";

    /** {@link #UPDATE} that fails (SQLSTATE OR001, naming item and version) unless it changed exactly one row. */
    private static final String GUARDED_UPDATE = "with changed as (" + UPDATE + " returning 1)\n"
            + "select ordo_expect_rows(1, count(*), ?) from changed";
    private static final int UPDATE_PARAMETERS = 26;
    private static final int HISTORY_PARAMETERS = 8;

    private static final String INSERT_HISTORY_ROWS = """
            insert into work_item_history (tenant_id, work_item_id, at, action, from_status, to_status, actor, note)
            values """;
    private static final String HISTORY_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_HISTORY = """
            insert into work_item_history (tenant_id, work_item_id, at, action, from_status, to_status, actor, note)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final WorkItemRows rows;
    private final FlatJson json;
    private final ScoreJson scoreJson;
    private final RoutingJson routingJson;
    private final ClockInputsReads clockReads;

    JdbcWorkItemRepository(JdbcOperations jdbc, WorkItemRows rows, FlatJson json, ScoreJson scoreJson, RoutingJson routingJson,
                           ClockInputsReads clockReads) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
        this.scoreJson = scoreJson;
        this.routingJson = routingJson;
        this.clockReads = clockReads;
    }

    @Override
    public Optional<WorkItem> load(TenantId tenant, WorkItemId id) {
        return rows.queryOne("select " + COLUMNS + " from work_item where tenant_id = ? and id = ?", tenant.value(), id.value());
    }

    @Override
    public Optional<WorkItem> loadForUpdate(TenantId tenant, WorkItemId id) {
        return rows.queryOne(LOCK, tenant.value(), id.value());
    }

    /** The lock, then the clock inputs read by the SLA repository's queries, in one round trip. */
    @Override
    public Optional<LockedForClock> loadForUpdateWithClock(TenantId tenant, WorkItemId id) {
        ClockInputsReads.Read<List<WorkItem>> read = clockReads.behind(LOCK, List.of(tenant.value(), id.value()), rows::readAll, tenant, id);
        return read.lead().stream().findFirst().map(item -> new LockedForClock(item, read.inputs()));
    }

    @Override
    public Optional<WorkItem> loadBySource(TenantId tenant, SourceReference source) {
        return rows.queryOne("select " + COLUMNS + " from work_item where tenant_id = ? and source_system = ? and external_id = ?",
                tenant.value(), source.system(), source.externalId());
    }

    @Override
    public Map<SourceReference, WorkItem> loadBySources(TenantId tenant, List<SourceReference> sources) {
        Map<SourceReference, WorkItem> found = new java.util.HashMap<>();
        // each key looks up its own row through the source index: as a join, a plan made on a table without statistics
        // (a new tenant's first minute of batches, before autovacuum analyses it) took it for one row and compared every
        // row of the tenant with every key: 1.8 s per batch of 1,000 at 40,000 items (docs/benchmarks.md); the limit keeps
        // the subquery from being flattened back into such a join
        rows.query("select w.* from unnest(?::text[], ?::text[]) as k(system, external_id) cross join lateral (select " + COLUMNS
                        + " from work_item where tenant_id = ? and source_system = k.system and external_id = k.external_id limit 1) w",
                sources.stream().map(SourceReference::system).toArray(String[]::new),
                sources.stream().map(SourceReference::externalId).toArray(String[]::new), tenant.value()).forEach(i -> found.put(i.content().source(), i));
        return found;
    }

    @Override
    public List<HistoryEntry> loadHistory(TenantId tenant, WorkItemId id) {
        return Sql.query(jdbc, HistoryRows.SELECT, HistoryRows::map, tenant.value(), id.value());
    }

    @Override
    public boolean insertIfSourceAbsent(WorkItem item, WorkItem.Changes changes) {
        if (Sql.prepare(jdbc, INSERT, statement -> {
            bindInsert(statement, 0, item);
            return statement.executeUpdate();
        }) == 0) {
            return false;
        }
        appendHistory(item, changes.history());
        return true;
    }

    /**
     * The items' rows in multi-row inserts of {@link #ROWS_PER_INSERT} (a row skipped on its source key returns no id),
     * then the history rows of those inserted, likewise.
     */
    @Override
    public boolean[] insertAllIfSourceAbsent(List<WorkItem> items, List<WorkItem.Changes> changes) {
        Set<UUID> stored = new HashSet<>();
        for (int from = 0; from < items.size(); from += ROWS_PER_INSERT) {
            List<WorkItem> chunk = items.subList(from, Math.min(items.size(), from + ROWS_PER_INSERT));
            String sql = INSERT_HEAD + String.join(",\n", Collections.nCopies(chunk.size(), INSERT_ROW))
                    + ON_SOURCE_CONFLICT + " returning id";
            Sql.prepare(jdbc, sql, statement -> {
                int i = 0;
                for (WorkItem item : chunk) {
                    i = bindInsert(statement, i, item);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
                return null;
            });
        }
        boolean[] inserted = new boolean[items.size()];
        List<Map.Entry<WorkItem, HistoryEntry>> history = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            inserted[k] = stored.contains(items.get(k).id().value());
            for (HistoryEntry entry : inserted[k] ? changes.get(k).history() : List.<HistoryEntry>of()) {
                history.add(Map.entry(items.get(k), entry));
            }
        }
        int historyRows = ROWS_PER_INSERT * INSERT_PARAMETERS / HISTORY_PARAMETERS;
        for (int from = 0; from < history.size(); from += historyRows) {
            List<Map.Entry<WorkItem, HistoryEntry>> chunk = history.subList(from, Math.min(history.size(), from + historyRows));
            Sql.prepare(jdbc, INSERT_HISTORY_ROWS + String.join(", ", Collections.nCopies(chunk.size(), HISTORY_ROW)),
                    statement -> {
                        int i = 0;
                        for (Map.Entry<WorkItem, HistoryEntry> row : chunk) {
                            i = bindHistory(statement, i, row.getKey(), row.getValue());
                        }
                        return statement.executeUpdate();
                    });
        }
        return inserted;
    }

    /** Binds one row of {@link #INSERT_ROW} after position {@code i}; answers the last position bound. */
    private int bindInsert(PreparedStatement statement, int i, WorkItem item) throws SQLException {
        WorkItemContent content = item.content();
        statement.setObject(++i, item.id().value());
        statement.setString(++i, item.tenantId().value());
        statement.setString(++i, content.type().name());
        statement.setString(++i, content.source().system());
        statement.setString(++i, content.source().externalId());
        statement.setString(++i, item.contentFingerprint());
        statement.setString(++i, content.title());
        statement.setBigDecimal(++i, content.moneyAtStake() == null ? null : content.moneyAtStake().value());
        statement.setString(++i, content.moneyAtStake() == null ? null : content.moneyAtStake().currency());
        setInstant(statement, ++i, content.dueAt());
        setInstant(statement, ++i, content.hardDeadlineAt());
        setInstant(statement, ++i, content.bindingDeadline());
        statement.setString(++i, json.write(content.attributes().values()));
        statement.setString(++i, content.queue());
        statement.setString(++i, item.queue());
        statement.setString(++i, item.assignee());
        statement.setString(++i, item.status().name());
        statement.setString(++i, item.statusReason());
        statement.setString(++i, item.resolutionCode());
        statement.setBigDecimal(++i, item.priorityScore().value());
        setInstant(statement, ++i, item.createdAt());
        setInstant(statement, ++i, item.updatedAt());
        i = bindScore(statement, i, item);
        statement.setString(++i, item.provenance().channel().name());
        statement.setString(++i, item.provenance().name());
        // the SLA clock planned before the insert is stored with the row, not by a second write of it
        statement.setString(++i, item.sla().state());
        setInstant(statement, ++i, item.sla().deadlineAt());
        return i;
    }

    @Override
    public void update(WorkItem item, WorkItem.Changes changes) {
        List<HistoryEntry> history = changes.history();
        // the row (its version checked in the statement: exactly one row, else OR001) and its history rows; held for the
        // unit's next statement or its commit, whichever comes first (DeferredWrites), so it costs no round trip of its own
        String sql = GUARDED_UPDATE + (history.isEmpty() ? "" : ";\n" + INSERT_HISTORY_ROWS
                + String.join(", ", Collections.nCopies(history.size(), HISTORY_ROW)));
        String what = "work item " + item.id() + " version " + item.version();
        DeferredWrites.Translator concurrent = failure -> "OR001".equals(failure.getSQLState())
                && failure.getMessage() != null && failure.getMessage().contains(what) ? new ConcurrentUpdateException(item.id()) : null;
        DeferredWrites.Binder binder = (statement, offset) -> {
            int i = offset;
            statement.setString(++i, item.queue());
            statement.setString(++i, item.assignee());
            statement.setString(++i, item.status().name());
            statement.setString(++i, item.statusReason());
            statement.setString(++i, item.resolutionCode());
            statement.setBigDecimal(++i, item.priorityScore().value());
            setInstant(statement, ++i, item.updatedAt());
            i = bindScore(statement, i, item);
            statement.setString(++i, item.sla().state());
            setInstant(statement, ++i, item.sla().deadlineAt());
            statement.setString(++i, item.tenantId().value());
            statement.setObject(++i, item.id().value());
            statement.setLong(++i, item.version());
            statement.setString(++i, what);
            for (HistoryEntry entry : history) {
                i = bindHistory(statement, i, item, entry);
            }
            return i;
        };
        int parameters = UPDATE_PARAMETERS + HISTORY_PARAMETERS * history.size();
        if (Sql.deferIfOpen(sql, parameters, binder, concurrent)) {
            return;
        }
        Sql.prepare(jdbc, sql, statement -> {
            binder.bind(statement, 0);
            try {
                statement.execute();
            } catch (SQLException failure) {
                RuntimeException translated = concurrent.apply(failure);
                if (translated != null) {
                    throw translated;
                }
                throw failure;
            }
            return null;
        });
    }

    private static int bindHistory(PreparedStatement statement, int i, WorkItem item, HistoryEntry entry) throws SQLException {
        statement.setString(++i, item.tenantId().value());
        statement.setObject(++i, item.id().value());
        setInstant(statement, ++i, entry.at());
        statement.setString(++i, entry.action());
        statement.setString(++i, entry.fromStatus() == null ? null : entry.fromStatus().name());
        statement.setString(++i, entry.toStatus().name());
        statement.setString(++i, entry.actor().name());
        statement.setString(++i, entry.note());
        return i;
    }

    @Override
    public void updateContent(WorkItem item) {
        WorkItemContent content = item.content();
        Sql.update(jdbc, """
                update work_item set content_fingerprint = ?, title = ?, amount = ?, currency = ?, due_at = ?, hard_deadline_at = ?,
                    deadline_at = ?, attributes = ?::jsonb
                where tenant_id = ? and id = ?""", item.contentFingerprint(), content.title(),
                content.moneyAtStake() == null ? null : content.moneyAtStake().value(),
                content.moneyAtStake() == null ? null : content.moneyAtStake().currency(), content.dueAt(), content.hardDeadlineAt(),
                content.bindingDeadline(), json.write(content.attributes().values()), item.tenantId().value(), item.id().value());
    }

    /** Binds score basis, scored_at, override, override due, skills, size and claimed_at after position {@code i}. */
    private int bindScore(PreparedStatement statement, int i, WorkItem item) throws SQLException {
        ScoreBasis basis = item.scoreBasis();
        statement.setBigDecimal(++i, basis == null ? null : basis.computedScore().value());
        statement.setString(++i, basis == null ? null : basis.policyId());
        statement.setObject(++i, basis == null ? null : basis.policyVersion(), Types.INTEGER);
        statement.setBigDecimal(++i, basis == null ? null : basis.likelihood());
        statement.setString(++i, basis == null ? null : basis.likelihoodBasis());
        statement.setString(++i, basis == null ? null : basis.degradedReason());
        setInstant(statement, ++i, basis == null ? item.updatedAt() : basis.computedAt());
        statement.setString(++i, scoreJson.write(item.priorityOverride()));
        setInstant(statement, ++i, WorkItemRows.overrideDue(item));
        statement.setString(++i, routingJson.writeSkills(item.skillRequirements()));
        statement.setInt(++i, item.size());
        setInstant(statement, ++i, item.claimedAt());
        statement.setBigDecimal(++i, item.slaBoost());
        return i;
    }

    private void appendHistory(WorkItem item, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Sql.prepareBatch(jdbc, INSERT_HISTORY, statement -> {
            for (HistoryEntry entry : entries) {
                statement.setString(1, item.tenantId().value());
                statement.setObject(2, item.id().value());
                setInstant(statement, 3, entry.at());
                statement.setString(4, entry.action());
                statement.setString(5, entry.fromStatus() == null ? null : entry.fromStatus().name());
                statement.setString(6, entry.toStatus().name());
                statement.setString(7, entry.actor().name());
                statement.setString(8, entry.note());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
