package health.ordo.application.service.sla;

import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.application.port.in.sla.ManageSlaUseCase;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.workitem.Actor;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.EscalationAction;
import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaStage;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SlaSummary;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Service levels: keeps each item's escalation timers in step with its SLA clock (after every change that moves the
 * clock: arrival, hold, resume, completion, cancellation), answers an item's clock, and manages calendars and policies.
 */
public final class SlaScheduler implements ManageSlaUseCase, GetSlaQuery {

    private static final Set<String> CLOCK_ACTIONS = Set.of("create", "hold", "resume", "complete", "cancel", "release");

    private final SlaConfigPort config;
    private final SlaTimerPort timers;
    private final LoadWorkItemPort loadPort;
    private final TransactionPort transactions;
    private final Clock clock;
    private final String defaultZone;
    private final ApprovalGate gate;
    private final WorkforcePort workforce;

    public SlaScheduler(SlaConfigPort config, SlaTimerPort timers, LoadWorkItemPort loadPort, TransactionPort transactions,
                        Clock clock, String defaultZone) {
        this(config, timers, loadPort, transactions, clock, defaultZone, null);
    }

    /** @param gate maker-checker for SLA policy activation; null where it does not apply */
    public SlaScheduler(SlaConfigPort config, SlaTimerPort timers, LoadWorkItemPort loadPort, TransactionPort transactions,
                        Clock clock, String defaultZone, ApprovalGate gate) {
        this(config, timers, loadPort, transactions, clock, defaultZone, gate, null);
    }

    /** @param workforce checks that escalations move work to queues that exist; null skips the check */
    public SlaScheduler(SlaConfigPort config, SlaTimerPort timers, LoadWorkItemPort loadPort, TransactionPort transactions,
                        Clock clock, String defaultZone, ApprovalGate gate, WorkforcePort workforce) {
        this.workforce = workforce;
        this.gate = gate;
        this.config = config;
        this.timers = timers;
        this.loadPort = loadPort;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** Whether a change whose history action is {@code action} ({@code complete}, {@code hold}…) moves the item's clock. */
    public static boolean movesClock(String action) {
        return CLOCK_ACTIONS.contains(action);
    }

    public static boolean movesClock(List<HistoryEntry> changes) {
        return changes.stream().anyMatch(entry -> CLOCK_ACTIONS.contains(entry.action()));
    }

    /** What re-planning an item's clock decided: its SLA state and deadline, and its unfired escalation timers. */
    public record Plan(SlaSummary summary, List<SlaTimerPort.Timer> timers) {
    }

    /** In the caller's transaction, after the item and its history are stored: re-plans its unfired escalation timers. */
    public void reschedule(WorkItem item, Instant now) {
        Plan plan = plan(item, List.of(), now);
        timers.replacePending(item.tenantId(), item.id(), plan.timers());
        timers.updateItemSla(item.tenantId(), item.id(), plan.summary().state(), plan.summary().deadlineAt());
    }

    /**
     * The clock of an item being changed, before the change is stored: its stored history plus {@code unsaved} (the
     * change's own entries). The caller records the summary on the item, stores it, then {@link #apply}s the plan.
     */
    public Plan plan(WorkItem item, List<HistoryEntry> unsaved, Instant now) {
        return plan(item, unsaved, now, null);
    }

    /**
     * What planning the clock of new items of the tenant reads (its SLA policy versions and calendars; a new item has no
     * history and no fired escalations yet): read once for a batch of new items, for {@link #plan(WorkItem, List, Instant,
     * SlaTimerPort.ClockInputs)}.
     */
    public SlaTimerPort.ClockInputs inputsForNew(WorkItem item) {
        return timers.clockInputs(item.tenantId(), item.id());
    }

    /** {@link #plan(WorkItem, List, Instant)} from inputs read with the item's lock; null reads them now. */
    public Plan plan(WorkItem item, List<HistoryEntry> unsaved, Instant now, SlaTimerPort.ClockInputs readWithLock) {
        SlaTimerPort.ClockInputs inputs = readWithLock != null ? readWithLock : timers.clockInputs(item.tenantId(), item.id());
        Optional<SlaPolicy> policy = SlaPolicy.select(inputs.policies(), item);
        if (policy.isEmpty()) {
            return new Plan(SlaSummary.NONE, List.of());
        }
        BusinessCalendar calendar = orStandard(item.tenantId(),
                Optional.ofNullable(inputs.calendars().get(policy.get().calendarId())));
        List<HistoryEntry> history = new ArrayList<>(inputs.history());
        history.addAll(unsaved);
        SlaClock slaClock = SlaClock.compute(item.createdAt(), history, policy.get().terms(),
                item.content().hardDeadlineAt(), calendar, now);
        Set<String> fired = inputs.fired().stream().map(FiredEscalation::stage).collect(Collectors.toSet());
        List<SlaTimerPort.Timer> plan = new ArrayList<>();
        boolean running = slaClock.state() == SlaClock.State.RUNNING || slaClock.state() == SlaClock.State.AT_RISK
                || slaClock.state() == SlaClock.State.BREACHED;
        if (running) {
            plan(plan, item, SlaStage.GOAL_REACHED, slaClock.goalAt(), fired, policy.get().escalations());
            plan(plan, item, SlaStage.DEADLINE_APPROACHING, slaClock.approachingAt(), fired, null);
            plan(plan, item, SlaStage.DEADLINE_REACHED, slaClock.deadlineAt(), fired, null);
            if (policy.get().repeatEvery() != null && slaClock.deadlineAt() != null && !fired.contains(SlaStage.PASSED_DEADLINE.name())) {
                plan(plan, item, SlaStage.PASSED_DEADLINE, slaClock.deadlineAt().plus(policy.get().repeatEvery()), fired,
                        policy.get().escalations());
            }
        } else if (slaClock.state() == SlaClock.State.PAUSED && item.content().hardDeadlineAt() != null) {
            // a hold pauses the SLA, never the source's own deadline (an appeal or filing limit): when it passes, the
            // clock is BREACHED whatever the hold, and the deadline stage fires
            plan(plan, item, SlaStage.DEADLINE_REACHED, item.content().hardDeadlineAt(), fired, null);
        }
        return new Plan(new SlaSummary(slaClock.state().name(), slaClock.deadlineAt()), plan);
    }

    /** Replaces the item's unfired timers with the plan's (its summary went with the item's own update). */
    public void apply(WorkItem item, Plan plan) {
        timers.replacePending(item.tenantId(), item.id(), plan.timers());
    }

    /**
     * The timers of items inserted in the caller's transaction (ids no earlier transaction knew, so no timers to replace),
     * in one write. An item already stored takes {@link #apply}: this would keep its old timers beside the new ones.
     */
    public void applyNew(List<Plan> plans) {
        List<SlaTimerPort.Timer> all = plans.stream().flatMap(plan -> plan.timers().stream()).toList();
        if (!all.isEmpty()) {
            timers.addPending(all);
        }
    }

    /** Goal and passed-deadline timers exist only when the policy escalates them; approaching and deadline always (state). */
    private static void plan(List<SlaTimerPort.Timer> plan, WorkItem item, SlaStage stage, Instant at, Set<String> fired,
                             List<EscalationAction> onlyIfConfigured) {
        if (at == null || fired.contains(stage.name())) {
            return;
        }
        if (onlyIfConfigured != null && onlyIfConfigured.stream().noneMatch(a -> a.stage() == stage)) {
            return;
        }
        plan.add(new SlaTimerPort.Timer(UUID.randomUUID(), item.tenantId(), item.id(), stage.name(), at));
    }

    public Optional<SlaPolicy> policyFor(WorkItem item) {
        return SlaPolicy.select(config.policies(item.tenantId()), item);
    }

    public SlaClock clockOf(WorkItem item, SlaPolicy policy, Instant now) {
        BusinessCalendar calendar = calendarOrStandard(item.tenantId(), policy.calendarId());
        return SlaClock.compute(item.createdAt(), loadPort.loadHistory(item.tenantId(), item.id()), policy.terms(),
                item.content().hardDeadlineAt(), calendar, now);
    }

    private BusinessCalendar calendarOrStandard(TenantId tenant, String id) {
        return orStandard(tenant, config.calendar(tenant, id));
    }

    /** The policy's calendar, or the standard one when the policy names none that is stored. */
    private BusinessCalendar orStandard(TenantId tenant, Optional<BusinessCalendar> calendar) {
        return calendar.orElseGet(() -> BusinessCalendar.standard(tenant, defaultZone));
    }

    @Override
    public Optional<SlaView> sla(TenantId tenant, WorkItemId id) {
        return transactions.readOnly(tenant, () -> loadPort.load(tenant, id).map(item -> {
            Optional<SlaPolicy> policy = policyFor(item);
            return new SlaView(policy.orElse(null), policy.map(p -> clockOf(item, p, clock.instant())).orElse(null),
                    timers.fired(tenant, id));
        }));
    }

    @Override
    public Optional<BusinessCalendar> calendar(TenantId tenant, String id) {
        return transactions.readOnly(tenant, () -> config.calendar(tenant, id)
                .or(() -> "default".equals(id) ? Optional.of(BusinessCalendar.standard(tenant, defaultZone)) : Optional.empty()));
    }

    @Override
    public List<BusinessCalendar> calendars(TenantId tenant) {
        List<BusinessCalendar> stored = new ArrayList<>(transactions.readOnly(tenant, () -> config.calendars(tenant)));
        BusinessCalendar standard = BusinessCalendar.standard(tenant, defaultZone);
        if (stored.stream().noneMatch(c -> c.id().equals(standard.id()))) {
            stored.add(standard);
        }
        stored.sort(java.util.Comparator.comparing(BusinessCalendar::id));
        return stored;
    }

    @Override
    public BusinessCalendar saveCalendar(BusinessCalendar calendar) {
        transactions.inTransaction(calendar.tenant(), () -> {
            config.saveCalendar(calendar);
            return null;
        });
        return calendar;
    }

    @Override
    public List<SlaPolicy> policies(TenantId tenant) {
        return transactions.readOnly(tenant, () -> config.policies(tenant));
    }

    @Override
    public SlaPolicy savePolicy(SlaPolicy policy) {
        return transactions.inTransaction(policy.tenant(), () -> store(policy, true));
    }

    @Override
    public SlaPolicy savePolicy(SlaPolicy policy, Actor maker) {
        if (gate == null || !gate.settings(policy.tenant()).requires(ApprovalKind.SLA_POLICY_ACTIVATION)) {
            return savePolicy(policy);
        }
        throw transactions.inTransaction(policy.tenant(), () -> {
            SlaPolicy stored = store(policy, false);
            return gate.hold(policy.tenant(), ApprovalKind.SLA_POLICY_ACTIVATION, "SLA policy " + stored.policyId() + " v" + stored.version(),
                    "activate SLA policy " + stored.policyId() + " v" + stored.version() + " for " + stored.appliesTo() + ": goal "
                            + stored.terms().goal() + ", deadline " + stored.terms().deadline(),
                    Map.of("policyId", stored.policyId(), "version", Integer.toString(stored.version())), maker.name());
        });
    }

    /** The approved activation of a stored version, in the approval's transaction. */
    public String activateApproved(TenantId tenant, String policyId, int version) {
        if (!config.activate(tenant, policyId, version)) {
            throw new InvalidValueException("version", "SLA policy " + policyId + " has no version " + version);
        }
        return "SLA policy " + policyId + " v" + version + " is active";
    }

    private SlaPolicy store(SlaPolicy policy, boolean active) {
        InvalidValueException.require(config.calendar(policy.tenant(), policy.calendarId()).isPresent()
                || "default".equals(policy.calendarId()), "calendarId", "no calendar " + policy.calendarId());
        for (int i = 0; workforce != null && i < policy.escalations().size(); i++) {
            // an escalation that moves work to a queue that does not exist would strand it at the worst time
            EscalationAction action = policy.escalations().get(i);
            String queue = action.moveToQueue();
            InvalidValueException.require(queue == null || WorkItemType.isDefaultQueue(queue)
                    || workforce.queue(policy.tenant(), queue).isPresent(), "escalations[" + i + "].moveToQueue", "no queue " + queue);
        }
        SlaPolicy versioned = new SlaPolicy(policy.tenant(), policy.policyId(),
                config.latestVersion(policy.tenant(), policy.policyId()) + 1, policy.appliesTo(), policy.when(),
                policy.calendarId(), policy.terms(), policy.escalations(), policy.repeatEvery(), active);
        config.insert(versioned);
        return versioned;
    }
}
