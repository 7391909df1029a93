package health.ordo.domain.workitem;

import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Aggregate root: one unit of back-office work. Its lifecycle follows {@link LifecycleAction}; every change
 * appends a {@link HistoryEntry} and records a {@link WorkItemEvent}, both collected until the caller stores
 * them with the new state ({@link #pullChanges()}).
 */
public final class WorkItem {

    private final WorkItemId id;
    private final TenantId tenantId;
    private WorkItemContent content;
    private String contentFingerprint;
    private final Instant createdAt;
    private final long version;
    private String queue;
    private final Lifecycle lifecycle;
    private final Priority priority;
    private SlaSummary sla;
    private List<SkillRequirement> skillRequirements;
    private int size;
    private Instant updatedAt;
    private final Provenance provenance;
    private final List<HistoryEntry> newHistory = new ArrayList<>();
    private final List<WorkItemEvent> newEvents = new ArrayList<>();

    private WorkItem(WorkItemId id, TenantId tenantId, WorkItemContent content, String contentFingerprint,
                     Instant createdAt, long version, WorkItemStatus status, String queue, String assignee,
                     PriorityScore priorityScore, ScoreBasis scoreBasis, PriorityOverride priorityOverride,
                     ItemRouting routing, SlaSummary sla, String statusReason, String resolutionCode, Instant updatedAt,
                     Provenance provenance) {
        this.id = Objects.requireNonNull(id, "id");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.content = Objects.requireNonNull(content, "content");
        this.contentFingerprint = Objects.requireNonNull(contentFingerprint, "contentFingerprint");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
        this.queue = Objects.requireNonNull(queue, "queue");
        ItemRouting effective = routing == null ? ItemRouting.NONE : routing;
        this.priority = new Priority(priorityScore, scoreBasis, priorityOverride, effective.slaBoost());
        this.sla = sla == null ? SlaSummary.NONE : sla;
        this.skillRequirements = effective.skills();
        this.size = effective.size();
        this.lifecycle = new Lifecycle(status, assignee, effective.claimedAt(), statusReason, resolutionCode);
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new work item created through the API by {@code actor}, READY in its requested (or default) queue. */
    public static WorkItem create(TenantId tenantId, WorkItemContent content, Actor actor, Instant now) {
        return create(tenantId, content, Provenance.api(actor.name()), actor, now);
    }

    /** A new work item, READY in its requested (or default) queue, with its creation and where it came from recorded. */
    public static WorkItem create(TenantId tenantId, WorkItemContent content, Provenance provenance, Actor actor, Instant now) {
        WorkItem item = new WorkItem(WorkItemId.newId(), tenantId, content, content.fingerprint(), now, 0,
                WorkItemStatus.READY, content.queue(), null, PriorityScore.ZERO, null, null, ItemRouting.NONE, SlaSummary.NONE, null, null, now,
                provenance);
        item.newHistory.add(new HistoryEntry(now, "create", null, WorkItemStatus.READY, actor, null));
        item.newEvents.add(new WorkItemEvent.WorkItemCreated(tenantId, item.id, now, actor, content.type(),
                content.source(), item.queue));
        return item;
    }

    /** Rebuilds a stored work item; records nothing. */
    public static WorkItem restore(WorkItemId id, TenantId tenantId, WorkItemContent content, String contentFingerprint,
                                   Instant createdAt, long version, WorkItemStatus status, String queue,
                                   String assignee, PriorityScore priorityScore, ScoreBasis scoreBasis,
                                   PriorityOverride priorityOverride, ItemRouting routing, SlaSummary sla,
                                   String statusReason, String resolutionCode, Instant updatedAt, Provenance provenance) {
        return new WorkItem(id, tenantId, content, contentFingerprint, createdAt, version, status, queue, assignee,
                priorityScore, scoreBasis, priorityOverride, routing, sla, statusReason, resolutionCode, updatedAt, provenance);
    }

    /** How the item came into Ordo (never changes). */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * An SLA stage was reached: the escalation raises the priority (the effective score is capped at 100), moves the
     * item to an escalation queue, reassigns it to a supervisor and/or notifies; recorded as one history entry and the
     * stage's canonical event, plus a {@code NotificationRequested} event when it notifies.
     *
     * @param late true when the escalation fires after its due time (the application was down)
     */
    public void escalate(String eventType, String description, BigDecimal raisePriorityBy, String moveToQueue,
                         String reassignTo, boolean notify, boolean late, Instant now) {
        if (status().isTerminal()) {
            return;
        }
        WorkItemStatus from = status();
        if (raisePriorityBy != null) {
            priority.boost(raisePriorityBy);
        }
        if (moveToQueue != null) {
            queue = moveToQueue;
        }
        if (reassignTo != null) {
            lifecycle.escalateTo(reassignTo, now);
        }
        String note = description + (late ? " (late: fired after its due time)" : "");
        updatedAt = now;
        newHistory.add(new HistoryEntry(now, "escalate", from, status(), Actor.SYSTEM, note));
        newEvents.add(new WorkItemEvent.WorkItemPriorityChanged(tenantId, id, now, Actor.SYSTEM, eventType, note));
        if (notify) {
            // delivered later as webhook or e-mail by whoever subscribes to the outbox
            newEvents.add(new WorkItemEvent.WorkItemPriorityChanged(tenantId, id, now, Actor.SYSTEM, "NotificationRequested", note));
        }
        refreshEffectiveScore(now);
    }

    /** Places the item in a queue with the skills it needs, as a routing rule (or the default) decided. */
    public void route(String queue, List<SkillRequirement> skills, int size, String decision, Actor actor, Instant now) {
        InvalidValueException.require(queue != null && queue.matches("[a-z0-9][a-z0-9-]{0,62}"), "queue", "queue is a queue id");
        if (status().isTerminal()) {
            throw new IllegalTransitionException("ROUTE_REQUIRES_OPEN_ITEM", status(), "a " + status() + " work item cannot be routed");
        }
        this.queue = queue;
        this.skillRequirements = List.copyOf(skills);
        this.size = size;
        record("route", actor, decision, now, "WorkItemRouted");
    }

    /** A supervisor gives a READY or CLAIMED item to a worker: it becomes CLAIMED by them. */
    public void assignTo(String worker, Actor actor, Instant now) {
        WorkItemStatus from = lifecycle.assign(worker, actor, now);
        updatedAt = now;
        newHistory.add(new HistoryEntry(now, "assign", from, status(), actor, "to " + worker));
        newEvents.add(new WorkItemEvent.WorkItemPriorityChanged(tenantId, id, now, actor, "WorkItemAssigned", "to " + worker));
    }

    /**
     * The source delivered a changed version of the record (an amount corrected, a due date moved): an open item takes the
     * new content, keeping its identity, lifecycle, queue and assignee; the history names what changed. A closed item
     * does not reopen.
     *
     * @return true when the content changed
     */
    public boolean refreshFromSource(WorkItemContent delivered, Actor actor, Instant now) {
        InvalidValueException.require(delivered.source().equals(content.source()), "source", "a refresh must come from the same source record");
        InvalidValueException.require(delivered.type() == content.type(), "type", "a source record cannot change its work item type");
        String fingerprint = delivered.fingerprint();
        if (status().isTerminal() || fingerprint.equals(contentFingerprint)) {
            return false;
        }
        List<String> changed = content.changesTo(delivered);
        content = delivered;
        contentFingerprint = fingerprint;
        record("source-update", actor, changed.isEmpty() ? "content" : String.join("; ", changed), now, "WorkItemSourceUpdated");
        return true;
    }

    /** A supervisor moves a READY or CLAIMED item to another queue: it waits there READY, unassigned. */
    public void transferTo(String newQueue, Actor actor, Instant now) {
        Lifecycle.requireSupervisor(actor, "transfer");
        InvalidValueException.require(newQueue != null && newQueue.matches("[a-z0-9][a-z0-9-]{0,62}"), "queue", "queue is a queue id");
        WorkItemStatus from = lifecycle.transfer(actor);
        String note = "from " + queue + " to " + newQueue;
        queue = newQueue;
        updatedAt = now;
        newHistory.add(new HistoryEntry(now, "transfer", from, status(), actor, note));
        newEvents.add(new WorkItemEvent.WorkItemPriorityChanged(tenantId, id, now, actor, "WorkItemTransferred", note));
    }

    /** A claim not started in time goes back to the queue. @return true when it was released */
    public boolean releaseIfReservationExpired(java.time.Duration timeout, Instant now) {
        if (!lifecycle.reservationExpired(timeout, now)) {
            return false;
        }
        transition(LifecycleAction.RELEASE, Actor.SYSTEM, "reservation timed out after " + timeout.toMinutes() + " min", now);
        return true;
    }

    /** READY → CLAIMED, assigned to the claiming actor; a claim get-next-work proposed is noted (acceptance counts it). */
    public void claim(Actor actor, Instant now, boolean proposed) {
        transition(LifecycleAction.CLAIM, actor, proposed ? LifecycleAction.PROPOSED_CLAIM : null, now);
    }

    /** CLAIMED → IN_PROGRESS. */
    public void start(Actor actor, Instant now) {
        transition(LifecycleAction.START, actor, null, now);
    }

    /** IN_PROGRESS → ON_HOLD, waiting on someone (payer, supplier, colleague) for the reason given. */
    public void hold(String reason, Actor actor, Instant now) {
        transition(LifecycleAction.HOLD, actor, Lifecycle.stated(reason, "reason"), now);
    }

    /** ON_HOLD → IN_PROGRESS. */
    public void resume(Actor actor, Instant now) {
        transition(LifecycleAction.RESUME, actor, null, now);
    }

    /** IN_PROGRESS → COMPLETED with the resolution code that says how the work ended. */
    public void complete(String resolutionCode, Actor actor, Instant now) {
        transition(LifecycleAction.COMPLETE, actor, Lifecycle.stated(resolutionCode, "resolutionCode"), now);
    }

    /** Any open state → CANCELLED, for the reason given. */
    public void cancel(String reason, Actor actor, Instant now) {
        transition(LifecycleAction.CANCEL, actor, Lifecycle.stated(reason, "reason"), now);
    }

    /** CLAIMED, IN_PROGRESS or ON_HOLD → READY: back to the queue, unassigned. */
    public void release(Actor actor, Instant now) {
        transition(LifecycleAction.RELEASE, actor, null, now);
    }

    /**
     * Takes the score the tenant's policy computed. The item's effective score is that score, unless an
     * override applies: then the override's target. Finished work always scores 0.
     */
    public void applyScore(ScoreExplanation explanation, Instant now) {
        applyScore(Objects.requireNonNull(explanation, "explanation").basis(), now);
    }

    /** Takes a freshly computed score basis (the explanation is recomputed from it on read). */
    public void applyScore(ScoreBasis basis, Instant now) {
        priority.apply(basis);
        refreshEffectiveScore(now);
    }

    /**
     * A person moves the item regardless of its computed score. When the move is larger than
     * {@code approvalThreshold} points it waits for a second person's approval before it applies.
     */
    public PriorityOverride requestOverride(OverrideTarget target, String reasonCode, String comment, Instant expiresAt,
                                            BigDecimal approvalThreshold, Actor actor, Instant now) {
        if (status().isTerminal()) {
            throw new OverrideRefusedException("OVERRIDE_REQUIRES_OPEN_ITEM", "a " + status() + " work item cannot be overridden");
        }
        PriorityOverride requested = priority.requestOverride(target, reasonCode, comment, expiresAt, approvalThreshold, actor, now);
        record(requested.status() == PriorityOverride.Status.PENDING_APPROVAL ? "override-requested" : "override-applied", actor,
                Priority.describe(requested), now, "PriorityOverrideRequested");
        refreshEffectiveScore(now);
        return requested;
    }

    /** A second person approves a pending override; the requester cannot approve their own. */
    public PriorityOverride approveOverride(UUID overrideId, Actor approver, Instant now) {
        PriorityOverride approved = priority.approveOverride(overrideId, approver, now);
        record("override-approved", approver, Priority.describe(approved), now, "PriorityOverrideApproved");
        refreshEffectiveScore(now);
        return approved;
    }

    /** Ends an override whose expiry has passed; the computed score applies again. @return true when one expired */
    public boolean expireOverrideIfDue(Instant now) {
        if (!priority.expireOverrideIfDue(now)) {
            return false;
        }
        record("override-expired", Actor.SYSTEM, Priority.describe(priority.override()), now, "PriorityOverrideExpired");
        refreshEffectiveScore(now);
        return true;
    }

    private void refreshEffectiveScore(Instant now) {
        priority.refresh(status().isTerminal(), now);
    }

    private void record(String action, Actor actor, String note, Instant now, String eventType) {
        updatedAt = now;
        newHistory.add(new HistoryEntry(now, action, status(), status(), actor, note));
        newEvents.add(new WorkItemEvent.WorkItemPriorityChanged(tenantId, id, now, actor, eventType, note));
    }

    private void transition(LifecycleAction action, Actor actor, String note, Instant now) {
        WorkItemStatus from = lifecycle.take(action, actor, note, now, id);
        updatedAt = now;
        newHistory.add(new HistoryEntry(now, action.verb(), from, status(), actor, note));
        newEvents.add(new WorkItemEvent.WorkItemStatusChanged(tenantId, id, now, actor, action, from, note));
        refreshEffectiveScore(now);
    }

    /** History entries and events recorded since the item was created or restored, handed over once. */
    public Changes pullChanges() {
        Changes changes = new Changes(List.copyOf(newHistory), List.copyOf(newEvents));
        newHistory.clear();
        newEvents.clear();
        return changes;
    }

    /** What changed on an aggregate, to be stored in the same transaction as its state. */
    public record Changes(List<HistoryEntry> history, List<WorkItemEvent> events) {
    }

    public WorkItemId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public WorkItemContent content() {
        return content;
    }

    public String contentFingerprint() {
        return contentFingerprint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Optimistic-lock version of the stored state this object was loaded from (0 for a new item). */
    public long version() {
        return version;
    }

    public WorkItemStatus status() {
        return lifecycle.status();
    }

    public String queue() {
        return queue;
    }

    public String assignee() {
        return lifecycle.assignee();
    }

    /** The effective score: the override's target while one applies, else the computed score. */
    public PriorityScore priorityScore() {
        return priority.effective();
    }

    /** What the computed score rests on (the explanation is recomputed from it); null before the first scoring. */
    public ScoreBasis scoreBasis() {
        return priority.basis();
    }

    /** The latest override (pending, active or expired), or null. */
    public PriorityOverride priorityOverride() {
        return priority.override();
    }

    public List<SkillRequirement> skillRequirements() {
        return skillRequirements;
    }

    /** Capacity units the item takes while claimed or in progress. */
    public int size() {
        return size;
    }

    public Instant claimedAt() {
        return lifecycle.claimedAt();
    }

    public ItemRouting routing() {
        return new ItemRouting(skillRequirements, size, lifecycle.claimedAt(), priority.slaBoost());
    }

    public SlaSummary sla() {
        return sla;
    }

    /** The SLA state and deadline its clock has after the latest change (kept on the item for list filters). */
    public void recordSla(SlaSummary sla) {
        this.sla = sla == null ? SlaSummary.NONE : sla;
    }

    /** Points SLA escalations added to the computed score. */
    public BigDecimal slaBoost() {
        return priority.slaBoost();
    }

    public String statusReason() {
        return lifecycle.statusReason();
    }

    public String resolutionCode() {
        return lifecycle.resolutionCode();
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
