package health.ordo.adapter.persistence.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.sla.WorkingWindow;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import health.ordo.adapter.persistence.ClockInputsReads;
import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.workitem.HistoryRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Calendars, SLA policy versions and escalation timers in PostgreSQL. */
@Singleton
class JdbcSlaRepository implements SlaConfigPort, SlaTimerPort, ClockInputsReads {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WindowRow(String start, String end) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClosureRow(Instant from, Instant to) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConditionRow(String field, String operator, @Nullable String value) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EscalationRow(String stage, @Nullable BigDecimal raisePriorityBy, @Nullable String moveToQueue,
                         @Nullable String reassignTo, boolean sendNotification) {
    }

    private static final String POLICIES = "select * from sla_policy_version where tenant_id = ? order by policy_id, version desc";
    private static final String CALENDARS = "select * from business_calendar where tenant_id = ?";
    private static final String FIRED = "select stage, due_at, fired_at, late from sla_timer where tenant_id = ? and work_item_id = ?"
            + " and fired_at is not null order by fired_at, due_at";
    /** Everything re-planning an item's clock reads: policies, calendars, the item's history, its fired escalations. */
    private static final String CLOCK_INPUTS = POLICIES + ";\n" + CALENDARS + ";\n" + HistoryRows.SELECT + ";\n" + FIRED;
    private static final String INSERT_TIMER = "insert into sla_timer (id, tenant_id, work_item_id, stage, due_at) values (?, ?, ?, ?, ?)";
    /** Rows of one multi-row timer insert: 5 parameters each, well under the protocol's 32,767 per statement. */
    static final int TIMERS_PER_INSERT = 2_000;

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    JdbcSlaRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }





    @Override
    public Optional<BusinessCalendar> calendar(TenantId tenant, String id) {
        return Sql.query(jdbc, "select * from business_calendar where tenant_id = ? and id = ?", rs -> calendar(rs, tenant),
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public List<BusinessCalendar> calendars(TenantId tenant) {
        return Sql.query(jdbc, CALENDARS + " order by id", rs -> calendar(rs, tenant), tenant.value());
    }

    private BusinessCalendar calendar(ResultSet rs, TenantId tenant) throws SQLException {
        Map<String, List<WindowRow>> hours = read(rs.getString("hours"), Argument.mapOf(Argument.STRING, Argument.listOf(WindowRow.class)));
        Map<DayOfWeek, List<WorkingWindow>> windows = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, rows) -> windows.put(DayOfWeek.valueOf(day),
                rows.stream().map(w -> new WorkingWindow(LocalTime.parse(w.start()), LocalTime.parse(w.end()))).toList()));
        List<String> holidays = read(rs.getString("holidays"), Argument.listOf(String.class));
        List<ClosureRow> closures = read(rs.getString("closures"), Argument.listOf(ClosureRow.class));
        return new BusinessCalendar(tenant, rs.getString("id"), rs.getString("zone"), windows,
                holidays.stream().map(LocalDate::parse).collect(Collectors.toSet()),
                closures.stream().map(c -> new BusinessCalendar.Closure(c.from(), c.to())).toList());
    }

    @Override
    public void saveCalendar(BusinessCalendar calendar) {
        Map<String, List<WindowRow>> hours = new java.util.LinkedHashMap<>();
        calendar.hours().forEach((day, windows) -> hours.put(day.name(),
                windows.stream().map(w -> new WindowRow(w.start().toString(), w.end().toString())).toList()));
        Sql.update(jdbc, """
                insert into business_calendar (tenant_id, id, zone, hours, holidays, closures) values (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                on conflict (tenant_id, id) do update set zone = excluded.zone, hours = excluded.hours,
                    holidays = excluded.holidays, closures = excluded.closures""",
                calendar.tenant().value(), calendar.id(), calendar.zone().getId(), write(hours),
                write(calendar.holidays().stream().sorted().map(LocalDate::toString).toList()),
                write(calendar.closures().stream().map(c -> new ClosureRow(c.from(), c.to())).toList()));
    }

    @Override
    public List<SlaPolicy> policies(TenantId tenant) {
        return Sql.query(jdbc, POLICIES, rs -> policy(rs, tenant), tenant.value());
    }

    private SlaPolicy policy(ResultSet rs, TenantId tenant) throws SQLException {
        return new SlaPolicy(
                tenant, rs.getString("policy_id"), rs.getInt("version"), WorkItemType.valueOf(rs.getString("applies_to")),
                read(rs.getString("conditions"), Argument.listOf(ConditionRow.class)).stream()
                        .map(c -> new RoutingCondition(c.field(), c.operator(), c.value())).toList(),
                rs.getString("calendar_id"),
                new SlaTerms(Duration.ofSeconds(rs.getLong("goal_seconds")), Duration.ofSeconds(rs.getLong("deadline_seconds")),
                        rs.getInt("approaching_percent")),
                read(rs.getString("escalations"), Argument.listOf(EscalationRow.class)).stream()
                        .map(e -> new EscalationAction(SlaStage.valueOf(e.stage()), e.raisePriorityBy(), e.moveToQueue(), e.reassignTo(),
                                e.sendNotification())).toList(),
                rs.getObject("repeat_every_seconds") == null ? null : Duration.ofSeconds(rs.getLong("repeat_every_seconds")),
                rs.getBoolean("active"));
    }

    @Override
    public int latestVersion(TenantId tenant, String policyId) {
        return Sql.query(jdbc, "select coalesce(max(version), 0) from sla_policy_version where tenant_id = ? and policy_id = ?",
                rs -> rs.getInt(1), tenant.value(), policyId).get(0);
    }

    @Override
    public void insert(SlaPolicy policy) {
        if (policy.active()) {
            Sql.update(jdbc, "update sla_policy_version set active = false where tenant_id = ? and policy_id = ? and active",
                    policy.tenant().value(), policy.policyId());
        }
        Sql.update(jdbc, """
                insert into sla_policy_version (tenant_id, policy_id, version, applies_to, conditions, calendar_id, goal_seconds,
                    deadline_seconds, approaching_percent, escalations, repeat_every_seconds, active)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                policy.tenant().value(), policy.policyId(), policy.version(), policy.appliesTo().name(),
                write(policy.when().stream().map(c -> new ConditionRow(c.field(), c.operator(), c.value())).toList()),
                policy.calendarId(), policy.terms().goal().toSeconds(), policy.terms().deadline().toSeconds(),
                policy.terms().approachingPercent(),
                write(policy.escalations().stream().map(e -> new EscalationRow(e.stage().name(), e.raisePriorityBy(), e.moveToQueue(),
                        e.reassignTo(), e.sendNotification())).toList()),
                policy.repeatEvery() == null ? null : policy.repeatEvery().toSeconds(), policy.active());
    }

    @Override
    public boolean activate(TenantId tenant, String policyId, int version) {
        Sql.update(jdbc, "update sla_policy_version set active = false where tenant_id = ? and policy_id = ? and active and version <> ?",
                tenant.value(), policyId, version);
        return Sql.update(jdbc, "update sla_policy_version set active = true where tenant_id = ? and policy_id = ? and version = ?",
                tenant.value(), policyId, version) == 1;
    }

    @Override
    public void replacePending(TenantId tenant, WorkItemId id, List<Timer> timers) {
        // the plan of unfired timers is read only by the timer dispatcher, in its own transactions: it goes with the commit
        Sql.defer(jdbc, "delete from sla_timer where tenant_id = ? and work_item_id = ? and fired_at is null", tenant.value(), id.value());
        for (Timer timer : timers) {
            Sql.defer(jdbc, INSERT_TIMER, timer.id(), timer.tenant().value(), timer.workItemId().value(), timer.stage(), timer.dueAt());
        }
    }

    @Override
    public void addPending(List<Timer> timers) {
        for (int from = 0; from < timers.size(); from += TIMERS_PER_INSERT) {
            List<Timer> chunk = timers.subList(from, Math.min(timers.size(), from + TIMERS_PER_INSERT));
            List<Object> params = new java.util.ArrayList<>(chunk.size() * 5);
            for (Timer timer : chunk) {
                params.addAll(List.of(timer.id(), timer.tenant().value(), timer.workItemId().value(), timer.stage(), timer.dueAt()));
            }
            Sql.defer(jdbc, INSERT_TIMER + ", (?, ?, ?, ?, ?)".repeat(chunk.size() - 1), params.toArray());
        }
    }

    @Override
    public List<TenantId> tenantsWithDue(Instant now) {
        return Sql.query(jdbc, "select tenant_id from sla_timer where fired_at is null and due_at <= ? group by tenant_id"
                + " order by min(due_at)", rs -> new TenantId(rs.getString(1)), now);
    }

    @Override
    public List<Timer> claimDue(TenantId tenant, Instant now, int limit) {
        return Sql.query(jdbc, "select id, tenant_id, work_item_id, stage, due_at from sla_timer where tenant_id = ? and fired_at is null"
                + " and due_at <= ? order by due_at limit ? for update skip locked", rs -> new Timer(rs.getObject("id", UUID.class),
                new TenantId(rs.getString("tenant_id")), new WorkItemId(rs.getObject("work_item_id", UUID.class)), rs.getString("stage"),
                rs.getObject("due_at", OffsetDateTime.class).toInstant()), tenant.value(), now, limit);
    }

    @Override
    public void markFired(TenantId tenant, UUID timerId, Instant firedAt, boolean late) {
        Sql.update(jdbc, "update sla_timer set fired_at = ?, late = ? where tenant_id = ? and id = ?", firedAt, late, tenant.value(),
                timerId);
    }

    @Override
    public void delete(TenantId tenant, UUID timerId) {
        Sql.update(jdbc, "delete from sla_timer where tenant_id = ? and id = ?", tenant.value(), timerId);
    }

    @Override
    public void insert(Timer timer) {
        Sql.update(jdbc, INSERT_TIMER, timer.id(), timer.tenant().value(), timer.workItemId().value(), timer.stage(), timer.dueAt());
    }

    @Override
    public List<GetSlaQuery.FiredEscalation> fired(TenantId tenant, WorkItemId id) {
        return Sql.query(jdbc, FIRED, JdbcSlaRepository::fired, tenant.value(), id.value());
    }

    private static GetSlaQuery.FiredEscalation fired(ResultSet rs) throws SQLException {
        return new GetSlaQuery.FiredEscalation(rs.getString("stage"), rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                rs.getObject("fired_at", OffsetDateTime.class).toInstant(), rs.getBoolean("late"));
    }

    @Override
    public ClockInputs clockInputs(TenantId tenant, WorkItemId id) {
        // four queries, one round trip: pgjdbc sends them before one Sync and reads their four result sets in turn
        return Sql.prepare(jdbc, CLOCK_INPUTS, statement -> {
            Sql.bind(statement, clockParams(tenant, id));
            statement.execute();
            return readClockInputs(statement, tenant);
        });
    }

    @Override
    public <T> Read<T> behind(String leadSql, List<Object> leadParams, LeadReader<T> lead, TenantId tenant, WorkItemId id) {
        return Sql.prepare(jdbc, leadSql + ";\n" + CLOCK_INPUTS, statement -> {
            List<Object> params = new ArrayList<>(leadParams);
            params.addAll(List.of(clockParams(tenant, id)));
            Sql.bind(statement, params.toArray());
            statement.execute();
            T answer;
            try (ResultSet rs = statement.getResultSet()) {
                answer = lead.read(rs);
            }
            statement.getMoreResults();
            return new Read<>(answer, readClockInputs(statement, tenant));
        });
    }

    private static Object[] clockParams(TenantId tenant, WorkItemId id) {
        return new Object[] {tenant.value(), tenant.value(), tenant.value(), id.value(), tenant.value(), id.value()};
    }

    /** The four result sets of {@link #CLOCK_INPUTS}, the statement standing on the first. */
    private ClockInputs readClockInputs(Statement statement, TenantId tenant) throws SQLException {
        List<SlaPolicy> policies = new ArrayList<>();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                policies.add(policy(rs, tenant));
            }
        }
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        statement.getMoreResults();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                BusinessCalendar calendar = calendar(rs, tenant);
                calendars.put(calendar.id(), calendar);
            }
        }
        List<HistoryEntry> history = new ArrayList<>();
        statement.getMoreResults();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                history.add(HistoryRows.map(rs));
            }
        }
        List<GetSlaQuery.FiredEscalation> fired = new ArrayList<>();
        statement.getMoreResults();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                fired.add(fired(rs));
            }
        }
        return new ClockInputs(policies, calendars, history, fired);
    }

    @Override
    public void updateItemSla(TenantId tenant, WorkItemId id, String state, Instant deadlineAt) {
        Sql.defer(jdbc, "update work_item set sla_state = ?, sla_deadline_at = ? where tenant_id = ? and id = ?", state, deadlineAt,
                tenant.value(), id.value());
    }

    private String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
