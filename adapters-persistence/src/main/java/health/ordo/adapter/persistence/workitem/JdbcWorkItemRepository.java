package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.ClockInputsReads;
import health.ordo.adapter.persistence.DeferredWrites;
import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.routing.RoutingJson;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.workitem.ConcurrentUpdateException;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Work items in PostgreSQL: idempotent insert on the source key, version-guarded update, keyset-paged backlog. */
@Singleton
class JdbcWorkItemRepository implements LoadWorkItemPort, SaveWorkItemPort, RescoringPort {

    private static final String COLUMNS = """
            id, tenant_id, type, source_system, external_id, content_fingerprint, title, amount, currency, due_at,
            hard_deadline_at, attributes::text as attributes, requested_queue, queue, assignee, status, status_reason,
            resolution_code, priority_score, created_at, updated_at, version, score_computed, score_policy_id,
            score_policy_version, score_likelihood, score_likelihood_basis, score_degraded_reason, scored_at,
            priority_override::text as priority_override, skill_requirements::text as skill_requirements, size, claimed_at,
            sla_boost, sla_state, sla_deadline_at, provenance, provenance_name""";
    private static final String LOCK = "select " + COLUMNS + " from work_item where tenant_id = ? and id = ? for update";

    private static final String INSERT = """
            insert into work_item (id, tenant_id, type, source_system, external_id, content_fingerprint, title, amount,
                currency, due_at, hard_deadline_at, deadline_at, attributes, requested_queue, queue, assignee, status,
                status_reason, resolution_code, priority_score, created_at, updated_at, version, score_computed, score_policy_id,
                score_policy_version, score_likelihood, score_likelihood_basis, score_degraded_reason, scored_at,
                priority_override, override_expires_at, skill_requirements, size, claimed_at, sla_boost, provenance, provenance_name,
                sla_state, sla_deadline_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?,
                ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, source_system, external_id) do nothing""";

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

    /** Sort key of the backlog; must match the expression in the backlog indexes. */
    static final String DEADLINE_KEY = "coalesce(deadline_at, 'infinity'::timestamptz)";

    private static final String OPEN = "status not in ('COMPLETED', 'CANCELLED')";

    private final JdbcOperations jdbc;
    private final FlatJson json;
    private final ScoreJson scoreJson;
    private final RoutingJson routingJson;
    private final ClockInputsReads clockReads;

    JdbcWorkItemRepository(JdbcOperations jdbc, FlatJson json, ScoreJson scoreJson, RoutingJson routingJson, ClockInputsReads clockReads) {
        this.jdbc = jdbc;
        this.json = json;
        this.scoreJson = scoreJson;
        this.routingJson = routingJson;
        this.clockReads = clockReads;
    }

    @Override
    public Optional<WorkItem> load(TenantId tenant, WorkItemId id) {
        return queryOne("select " + COLUMNS + " from work_item where tenant_id = ? and id = ?", tenant.value(), id.value());
    }

    @Override
    public Optional<WorkItem> loadForUpdate(TenantId tenant, WorkItemId id) {
        return queryOne(LOCK, tenant.value(), id.value());
    }

    /** The lock, then the clock inputs read by the SLA repository's queries, in one round trip. */
    @Override
    public Optional<LockedForClock> loadForUpdateWithClock(TenantId tenant, WorkItemId id) {
        ClockInputsReads.Read<List<WorkItem>> read = clockReads.behind(LOCK, List.of(tenant.value(), id.value()), this::readAll, tenant, id);
        return read.lead().stream().findFirst().map(item -> new LockedForClock(item, read.inputs()));
    }

    @Override
    public Optional<WorkItem> loadBySource(TenantId tenant, SourceReference source) {
        return queryOne("select " + COLUMNS + " from work_item where tenant_id = ? and source_system = ? and external_id = ?",
                tenant.value(), source.system(), source.externalId());
    }

    @Override
    public Map<SourceReference, WorkItem> loadBySources(TenantId tenant, List<SourceReference> sources) {
        Map<SourceReference, WorkItem> found = new java.util.HashMap<>();
        query("select " + COLUMNS + " from work_item where tenant_id = ? and (source_system, external_id) in (select * from"
                + " unnest(?::text[], ?::text[]))", tenant.value(), sources.stream().map(SourceReference::system).toArray(String[]::new),
                sources.stream().map(SourceReference::externalId).toArray(String[]::new)).forEach(i -> found.put(i.content().source(), i));
        return found;
    }

    @Override
    public List<HistoryEntry> loadHistory(TenantId tenant, WorkItemId id) {
        return Sql.query(jdbc, HistoryRows.SELECT, HistoryRows::map, tenant.value(), id.value());
    }

    @Override
    public boolean insertIfSourceAbsent(WorkItem item, WorkItem.Changes changes) {
        if (Sql.prepare(jdbc, INSERT, statement -> {
            bindInsert(statement, item);
            return statement.executeUpdate();
        }) == 0) {
            return false;
        }
        appendHistory(item, changes.history());
        return true;
    }

    /** The items' rows in one batch (one round trip), then the history rows of those inserted in another. */
    @Override
    public boolean[] insertAllIfSourceAbsent(List<WorkItem> items, List<WorkItem.Changes> changes) {
        int[] counts = Sql.prepareBatch(jdbc, INSERT, statement -> {
            for (WorkItem item : items) {
                bindInsert(statement, item);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        boolean[] inserted = new boolean[items.size()];
        Sql.prepareBatch(jdbc, INSERT_HISTORY, statement -> {
            for (int k = 0; k < items.size(); k++) {
                inserted[k] = counts[k] > 0 || counts[k] == java.sql.Statement.SUCCESS_NO_INFO;
                for (HistoryEntry entry : inserted[k] ? changes.get(k).history() : List.<HistoryEntry>of()) {
                    bindHistory(statement, 0, items.get(k), entry);
                    statement.addBatch();
                }
            }
            return statement.executeBatch();
        });
        return inserted;
    }

    private void bindInsert(PreparedStatement statement, WorkItem item) throws SQLException {
        WorkItemContent content = item.content();
        int i = 0;
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
    }

    @Override
    public void update(WorkItem item, WorkItem.Changes changes) {
        List<HistoryEntry> history = changes.history();
        // the row (its version checked in the statement: exactly one row, else OR001) and its history rows; held for the
        // unit's next statement or its commit, whichever comes first (DeferredWrites), so it costs no round trip of its own
        String sql = GUARDED_UPDATE + (history.isEmpty() ? "" : ";\n" + INSERT_HISTORY_ROWS
                + String.join(", ", java.util.Collections.nCopies(history.size(), HISTORY_ROW)));
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
        setInstant(statement, ++i, overrideDue(item));
        statement.setString(++i, routingJson.writeSkills(item.skillRequirements()));
        statement.setInt(++i, item.size());
        setInstant(statement, ++i, item.claimedAt());
        statement.setBigDecimal(++i, item.slaBoost());
        return i;
    }

    /** When maintenance must look at the override again: at its expiry, unless it already ended. */
    private static Instant overrideDue(WorkItem item) {
        PriorityOverride override = item.priorityOverride();
        return override == null || override.status() == PriorityOverride.Status.EXPIRED ? null : override.expiresAt();
    }

    @Override
    public List<TenantId> tenantsScoredBefore(Instant scoredBefore) {
        return Sql.query(jdbc, "select t.id from tenant t cross join lateral (select min(scored_at) oldest from work_item where tenant_id"
                + " = t.id and " + OPEN + ") o where o.oldest < ? order by o.oldest", rs -> new TenantId(rs.getString(1)), scoredBefore.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<WorkItem> claimScoredBefore(TenantId tenant, Instant scoredBefore, int limit) {
        return query("select " + COLUMNS + " from work_item where tenant_id = ? and " + OPEN
                + " and scored_at < ? order by scored_at limit ? for update skip locked",
                tenant.value(), scoredBefore.atOffset(ZoneOffset.UTC), limit);
    }

    @Override
    public List<TenantId> tenantsWithOverridesDue(Instant now) {
        return Sql.query(jdbc, "select tenant_id from work_item where override_expires_at <= ? group by tenant_id"
                + " order by min(override_expires_at)", rs -> new TenantId(rs.getString(1)), now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<WorkItem> claimOverridesDue(TenantId tenant, Instant now, int limit) {
        return query("select " + COLUMNS + " from work_item where tenant_id = ? and override_expires_at <= ?"
                + " order by override_expires_at limit ? for update skip locked", tenant.value(), now.atOffset(ZoneOffset.UTC), limit);
    }

    @Override
    public long countScoredBefore(TenantId tenant, Instant scoredBefore) {
        return Sql.prepare(jdbc, "select count(*) from work_item where tenant_id = ? and " + OPEN + " and scored_at < ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, scoredBefore.atOffset(ZoneOffset.UTC));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    @Override
    public void saveScores(List<WorkItem> items, Instant scoredAt) {
        if (items.isEmpty()) {
            return;
        }
        // One statement per batch: the rows travel as parallel arrays and are joined back by key.
        String sql = "update work_item w set priority_score = v.score::numeric, score_computed = v.computed::numeric,"
                + " score_policy_id = v.policy, score_policy_version = v.version::integer,"
                + " score_likelihood = v.likelihood::numeric, score_likelihood_basis = v.basis, score_degraded_reason = v.degraded,"
                + " scored_at = ?, priority_override = v.override::jsonb, override_expires_at = v.due::timestamptz"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) as v(tenant_id, id, score, computed, policy, version, likelihood, basis, degraded, override, due)"
                + " where w.tenant_id = v.tenant_id and w.id = v.id::uuid";
        int n = items.size();
        String[][] columns = new String[11][n];
        for (int k = 0; k < n; k++) {
            WorkItem item = items.get(k);
            ScoreBasis basis = item.scoreBasis();
            Instant due = overrideDue(item);
            columns[0][k] = item.tenantId().value();
            columns[1][k] = item.id().toString();
            columns[2][k] = item.priorityScore().value().toPlainString();
            columns[3][k] = basis == null ? null : basis.computedScore().value().toPlainString();
            columns[4][k] = basis == null ? null : basis.policyId();
            columns[5][k] = basis == null ? null : Integer.toString(basis.policyVersion());
            columns[6][k] = basis == null ? null : basis.likelihood().toPlainString();
            columns[7][k] = basis == null ? null : basis.likelihoodBasis();
            columns[8][k] = basis == null ? null : basis.degradedReason();
            columns[9][k] = item.priorityOverride() == null ? null : scoreJson.write(item.priorityOverride());
            columns[10][k] = due == null ? null : due.toString();
        }
        Sql.prepare(jdbc, sql, statement -> {
            setInstant(statement, 1, scoredAt);
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 2, statement.getConnection().createArrayOf("text", columns[c]));
            }
            return statement.executeUpdate();
        });
    }

    @Override
    public List<WorkItem> loadOpen(TenantId tenant, WorkItemType type, int limit) {
        return type == null
                ? query("select " + COLUMNS + " from work_item where tenant_id = ? and " + OPEN + " limit ?", tenant.value(), limit)
                : query("select " + COLUMNS + " from work_item where tenant_id = ? and type = ? and " + OPEN + " limit ?",
                tenant.value(), type.name(), limit);
    }

    private List<WorkItem> query(String sql, Object... params) {
        return Sql.prepare(jdbc, sql, statement -> {
            Sql.bind(statement, params);
            return readAll(statement);
        });
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

    /** Items of {@code select <columns> from work_item <tail>}: the rows of {@link JdbcWorkItemSearch}'s statements. */
    List<WorkItem> selectWhere(String tail, List<Object> params) {
        return query("select " + COLUMNS + " from work_item " + tail, params.toArray());
    }

    private Optional<WorkItem> queryOne(String sql, Object... params) {
        return Sql.prepare(jdbc, sql, statement -> {
            Sql.bind(statement, params);
            List<WorkItem> rows = readAll(statement);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        });
    }

    private List<WorkItem> readAll(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return readAll(rs);
        }
    }

    private List<WorkItem> readAll(ResultSet rs) throws SQLException {
        List<WorkItem> items = new ArrayList<>();
        while (rs.next()) {
            items.add(map(rs));
        }
        return items;
    }

    private WorkItem map(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        WorkItemContent content = new WorkItemContent(
                WorkItemType.valueOf(rs.getString("type")),
                new SourceReference(rs.getString("source_system"), rs.getString("external_id")),
                rs.getString("title"),
                amount == null ? null : new Money(amount, rs.getString("currency")),
                instant(rs, "due_at"),
                instant(rs, "hard_deadline_at"),
                new Attributes(json.read(rs.getString("attributes"))),
                rs.getString("requested_queue"));
        return WorkItem.restore(
                new WorkItemId(rs.getObject("id", UUID.class)),
                new TenantId(rs.getString("tenant_id")),
                content,
                rs.getString("content_fingerprint"),
                instant(rs, "created_at"),
                rs.getLong("version"),
                WorkItemStatus.valueOf(rs.getString("status")),
                rs.getString("queue"),
                rs.getString("assignee"),
                new PriorityScore(rs.getBigDecimal("priority_score")),
                basis(rs),
                scoreJson.readOverride(rs.getString("priority_override")),
                new WorkItem.Routing(routingJson.readSkills(rs.getString("skill_requirements")), rs.getInt("size"),
                        instant(rs, "claimed_at"), rs.getBigDecimal("sla_boost")),
                new WorkItem.SlaSummary(rs.getString("sla_state"), instant(rs, "sla_deadline_at")),
                rs.getString("status_reason"),
                rs.getString("resolution_code"),
                instant(rs, "updated_at"),
                new Provenance(Provenance.Channel.valueOf(rs.getString("provenance")), rs.getString("provenance_name")));
    }

    private static ScoreBasis basis(ResultSet rs) throws SQLException {
        BigDecimal computed = rs.getBigDecimal("score_computed");
        if (computed == null) {
            return null;
        }
        return new ScoreBasis(new PriorityScore(computed), rs.getString("score_policy_id"), rs.getInt("score_policy_version"),
                instant(rs, "scored_at"), rs.getBigDecimal("score_likelihood"), rs.getString("score_likelihood_basis"),
                rs.getString("score_degraded_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null : value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
