package health.ordo.adapter.web.page;

import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.application.port.in.workitem.WorkItemDetails;
import health.ordo.domain.intake.IntakePolicy;
import health.ordo.domain.score.FactorContribution;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.workitem.AttributeClassification;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shapes work items for the pages: what a row and the item page show, PHI masked for a viewer who may not see it. */
public final class ItemViews {

    /** One line of a list. */
    public record Row(String id, String title, String type, String status, String score, String deadline, String queue) {
    }

    /** The item page. */
    public record Item(String id, String title, String type, String status, String queue, String assignee, String score,
                       String policy, List<Factor> factors, List<String> rules, String override, Clock clock,
                       List<Map.Entry<String, String>> attributes, List<Event> history, Set<String> actions, boolean masked,
                       String message, String document, boolean documentReview, OverrideForm overrideForm) {
    }

    /**
     * The priority change the caller may ask for on the item page, and the pending one they may approve.
     *
     * @param offered    whether the form is shown: to a lead on any open item, to a worker on their own item with no override
     * @param lead       whether the change applies at once (within the tenant's threshold) rather than waiting for approval
     * @param approvable the id of a pending override someone else asked for, which this lead may approve; else null
     */
    public record OverrideForm(boolean offered, boolean lead, List<String> reasonCodes, String approvable) {

        static OverrideForm of(WorkItem item, String caller, boolean lead, List<String> reasonCodes) {
            PriorityOverride current = item.priorityOverride();
            boolean inPlace = current != null && (current.status() == PriorityOverride.Status.ACTIVE
                    || current.status() == PriorityOverride.Status.PENDING_APPROVAL);
            boolean open = !item.status().isTerminal();
            boolean offered = open && (lead || (caller.equals(item.assignee()) && !inPlace));
            String approvable = lead && open && current != null && current.status() == PriorityOverride.Status.PENDING_APPROVAL
                    && !current.requestedBy().equals(caller) ? current.id().toString() : null;
            return new OverrideForm(offered, lead, offered ? reasonCodes : List.of(), approvable);
        }
    }

    /** A factor's share of the score: its contribution and how long its bar is next to the largest (0-100). */
    public record Factor(String name, String input, String contribution, int bar) {
    }

    /** The SLA clock: state, deadline in the user's zone, business time left. */
    public record Clock(String itemId, String state, String deadline, String remaining, boolean hardDeadline) {
    }

    public record Event(String at, String action, String actor, String note) {
    }

    private ItemViews() {
    }

    static Row row(WorkItem item, PhiViewerQuery.Viewer viewer, Layout layout) {
        return new Row(item.id().toString(), title(item, viewer), item.content().type().name(), item.status().name(),
                item.priorityScore() == null ? "—" : item.priorityScore().value().setScale(0, RoundingMode.HALF_UP).toPlainString(),
                layout.time(item.content().bindingDeadline()), item.queue());
    }

    static String title(WorkItem item, PhiViewerQuery.Viewer viewer) {
        return viewer.sees(item.assignee(), item.queue()) ? item.content().title()
                : AttributeClassification.scrubbed(item.content().title(), item.content().attributes().values());
    }

    static Item item(WorkItemDetails details, GetSlaQuery.SlaView sla, PhiViewerQuery.Viewer viewer, Layout layout, String caller,
                     String message, OverrideForm overrideForm) {
        WorkItem item = details.item();
        boolean sees = viewer.sees(item.assignee(), item.queue());
        Map<String, Object> values = item.content().attributes().values();
        Map<String, Object> shown = sees ? values : AttributeClassification.masked(values);
        List<Map.Entry<String, String>> attributes = new ArrayList<>();
        shown.forEach((name, value) -> attributes.add(Map.entry(name, String.valueOf(value))));
        if (item.content().moneyAtStake() != null) {
            attributes.add(0, Map.entry(layout.t().get("item.amount"), item.content().moneyAtStake().value().toPlainString() + " "
                    + item.content().moneyAtStake().currency()));
        }
        ScoreExplanation why = details.explanation();
        List<Factor> factors = new ArrayList<>();
        String policy = "—";
        List<String> rules = new ArrayList<>();
        if (why != null) {
            BigDecimal largest = why.factors().stream().map(FactorContribution::contribution).map(BigDecimal::abs)
                    .max(BigDecimal::compareTo).filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
            for (FactorContribution f : why.factors()) {
                int bar = f.contribution().abs().multiply(BigDecimal.valueOf(100)).divide(largest, 0, RoundingMode.HALF_UP).intValue();
                factors.add(new Factor(f.factor(), f.rawInput() == null ? "" : f.rawInput(),
                        f.contribution().setScale(1, RoundingMode.HALF_UP).toPlainString(), bar));
            }
            policy = why.policyId() + " v" + why.policyVersion() + (why.degraded() ? " (" + layout.t().get("item.degraded") + ")" : "");
            why.rules().forEach(r -> rules.add(r.rule() + ": " + r.effect()));
        }
        PriorityOverride override = item.priorityOverride();
        String overrideText = override == null ? null : override.target() + " · " + override.reasonCode() + " · " + override.status()
                + (override.expiresAt() == null ? "" : " · " + layout.time(override.expiresAt()));
        List<Event> history = new ArrayList<>();
        for (HistoryEntry entry : details.history()) {
            String note = entry.note() == null ? "" : sees ? entry.note() : AttributeClassification.scrubbed(entry.note(), values);
            history.add(new Event(layout.time(entry.at()), entry.action(), entry.actor().name(), note));
        }
        return new Item(item.id().toString(), title(item, viewer), item.content().type().name(), item.status().name(), item.queue(),
                item.assignee() == null ? "—" : item.assignee(),
                item.priorityScore() == null ? "—" : item.priorityScore().value().setScale(1, RoundingMode.HALF_UP).toPlainString(),
                policy, factors, rules, overrideText, clock(item, sla, layout), attributes, history, actions(item, caller), !sees, message,
                fromDocument(item) ? item.content().source().externalId() : null,
                IntakePolicy.REVIEW_SOURCE_SYSTEM.equals(item.content().source().system()), overrideForm);
    }

    /** Whether the item is a document's review, or the work a document became: its page links to the document. */
    private static boolean fromDocument(WorkItem item) {
        String system = item.content().source().system();
        return IntakePolicy.REVIEW_SOURCE_SYSTEM.equals(system) || IntakePolicy.SOURCE_SYSTEM.equals(system);
    }

    static Clock clock(WorkItem item, GetSlaQuery.SlaView sla, Layout layout) {
        SlaClock clock = sla == null ? null : sla.clock();
        if (clock == null) {
            return new Clock(item.id().toString(), "—", layout.time(item.content().bindingDeadline()), "—", item.content().hardDeadlineAt() != null);
        }
        return new Clock(item.id().toString(), clock.state().name(), layout.time(clock.deadlineAt()), duration(clock.remaining()),
                clock.hardDeadlineBinding());
    }

    static String duration(Duration remaining) {
        if (remaining == null) {
            return "—";
        }
        boolean late = remaining.isNegative();
        Duration d = remaining.abs();
        String text = d.toDays() > 0 ? d.toDays() + "d " + d.toHoursPart() + "h" : d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m"
                : d.toMinutes() + "m";
        return late ? "-" + text : text;
    }

    /** The actions the caller can take on the item in its state (the domain still checks each one). */
    static Set<String> actions(WorkItem item, String caller) {
        Set<String> actions = new LinkedHashSet<>();
        boolean mine = caller.equals(item.assignee());
        WorkItemStatus status = item.status();
        if (status == WorkItemStatus.CLAIMED && mine) {
            actions.add("start");
        }
        if (status == WorkItemStatus.IN_PROGRESS && mine) {
            actions.add("complete");
            actions.add("hold");
        }
        if (status == WorkItemStatus.ON_HOLD && mine) {
            actions.add("resume");
        }
        if (mine && (status == WorkItemStatus.CLAIMED || status == WorkItemStatus.IN_PROGRESS || status == WorkItemStatus.ON_HOLD)) {
            actions.add("release");
        }
        return actions;
    }
}
