package health.ordo.domain.workitem;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static health.ordo.domain.workitem.WorkItemStatus.CLAIMED;
import static health.ordo.domain.workitem.WorkItemStatus.IN_PROGRESS;
import static health.ordo.domain.workitem.WorkItemStatus.ON_HOLD;
import static health.ordo.domain.workitem.WorkItemStatus.READY;

/**
 * The lifecycle table: each action, the states it may start from, the state it leads to, and the event it
 * records. This one table is the whole state machine.
 */
public enum LifecycleAction {
    CLAIM("claim", EnumSet.of(READY), CLAIMED, "WorkItemClaimed"),
    START("start", EnumSet.of(CLAIMED), IN_PROGRESS, "WorkItemStarted"),
    HOLD("hold", EnumSet.of(IN_PROGRESS), ON_HOLD, "WorkItemPutOnHold"),
    RESUME("resume", EnumSet.of(ON_HOLD), IN_PROGRESS, "WorkItemResumed"),
    COMPLETE("complete", EnumSet.of(IN_PROGRESS), WorkItemStatus.COMPLETED, "WorkItemCompleted"),
    CANCEL("cancel", EnumSet.of(READY, CLAIMED, IN_PROGRESS, ON_HOLD), WorkItemStatus.CANCELLED, "WorkItemCancelled"),
    RELEASE("release", EnumSet.of(CLAIMED, IN_PROGRESS, ON_HOLD), READY, "WorkItemReleased");

    /** The history note of a claim that took the item get-next-work proposed (recommendation acceptance counts them). */
    public static final String PROPOSED_CLAIM = "proposed by get-next-work";

    private final String verb;
    private final Set<WorkItemStatus> allowedFrom;
    private final WorkItemStatus target;
    private final String eventType;

    LifecycleAction(String verb, Set<WorkItemStatus> allowedFrom, WorkItemStatus target, String eventType) {
        this.verb = verb;
        this.allowedFrom = allowedFrom;
        this.target = target;
        this.eventType = eventType;
    }

    /** The action's name in the API and the history, e.g. {@code claim}. */
    public String verb() {
        return verb;
    }

    public WorkItemStatus target() {
        return target;
    }

    public String eventType() {
        return eventType;
    }

    public boolean isAllowedFrom(WorkItemStatus status) {
        return allowedFrom.contains(status);
    }

    /** The rule's name, e.g. {@code COMPLETE_REQUIRES_IN_PROGRESS}. */
    public String rule() {
        return name() + "_REQUIRES_" + allowedFrom.stream().map(Enum::name).collect(Collectors.joining("_OR_"));
    }

    /** Finds an action by its verb; null when there is none. */
    public static LifecycleAction ofVerb(String verb) {
        for (LifecycleAction action : values()) {
            if (action.verb.equals(verb)) {
                return action;
            }
        }
        return null;
    }

    String describeAllowed() {
        return allowedFrom.stream().map(Enum::name).collect(Collectors.joining(" or "));
    }
}
