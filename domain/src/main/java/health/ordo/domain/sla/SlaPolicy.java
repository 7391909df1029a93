package health.ordo.domain.sla;

import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A versioned SLA for a tenant's work of one type, optionally narrowed by item attributes (payer, supplier tier…):
 * goal and deadline in business time on a calendar, and the escalations per stage. {@code repeatEvery} is how often
 * PASSED_DEADLINE escalations repeat after the deadline.
 */
public record SlaPolicy(TenantId tenant, String policyId, int version, WorkItemType appliesTo, List<RoutingCondition> when,
                        String calendarId, SlaTerms terms, List<EscalationAction> escalations, Duration repeatEvery,
                        boolean active) {

    public SlaPolicy {
        Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(policyId != null && policyId.matches("[a-z0-9][a-z0-9-]{0,62}"), "policyId",
                "policyId must be 1-63 lower-case letters, digits or dashes");
        InvalidValueException.require(appliesTo != null, "appliesTo", "appliesTo is a work item type");
        Objects.requireNonNull(terms, "terms");
        when = when == null ? List.of() : List.copyOf(when);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        calendarId = calendarId == null || calendarId.isBlank() ? "default" : calendarId;
        InvalidValueException.require(repeatEvery == null || repeatEvery.compareTo(Duration.ofMinutes(1)) >= 0, "repeatEvery",
                "repeatEvery is at least one minute");
    }

    public boolean appliesTo(WorkItem item) {
        return item.content().type() == appliesTo && when.stream().allMatch(condition -> condition.matches(item));
    }

    /** The most specific active policy for an item: the one with the most conditions that all hold. */
    public static java.util.Optional<SlaPolicy> select(List<SlaPolicy> policies, WorkItem item) {
        return policies.stream().filter(SlaPolicy::active).filter(p -> p.appliesTo(item))
                .max(java.util.Comparator.comparingInt((SlaPolicy p) -> p.when().size()).thenComparing(SlaPolicy::policyId));
    }
}
