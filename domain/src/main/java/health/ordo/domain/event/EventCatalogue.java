package health.ordo.domain.event;

import health.ordo.domain.event.EventType.Category;
import health.ordo.domain.event.EventType.Field;
import health.ordo.domain.event.EventType.FieldType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type Ordo publishes, version 1 each. A work item's lifecycle and priority events come from the aggregate, SLA
 * events from the escalation timers, business events from {@link BusinessEvents} and from the source systems' records,
 * {@code AnomalyDetected} from the watch. An event a partner's adapter reports under a name not listed here is published
 * as it came (an open source event).
 */
public final class EventCatalogue {

    private static final String WORK_ITEM = "WorkItem";
    private static final Map<String, EventType> TYPES = new LinkedHashMap<>();

    static {
        List<Field> transition = List.of(
                field("action", "the lifecycle action (claim, start, hold, resume, complete, cancel, release)"),
                field("from", "the status before"), field("to", "the status after"),
                phi("note", "the reason, resolution or comment given with the action (free text)"));
        add("WorkItemCreated", Category.LIFECYCLE, "A work item entered Ordo", List.of(
                field("type", "the work item type, e.g. CLAIM_DENIAL"), field("sourceSystem", "the system it came from"),
                field("externalId", "its id in that system"), field("queue", "the queue it was asked for")));
        for (String[] t : new String[][] {
                {"WorkItemClaimed", "A worker (or get-next-work for them) took the item"},
                {"WorkItemStarted", "Work on the item began"},
                {"WorkItemPutOnHold", "The item waits for something outside Ordo"},
                {"WorkItemResumed", "Work on a held item resumed"},
                {"WorkItemCompleted", "The item was completed with a resolution"},
                {"WorkItemCancelled", "The item was cancelled (by a person or because its source closed it)"},
                {"WorkItemReleased", "The item went back to its queue"}}) {
            add(t[0], Category.LIFECYCLE, t[1], transition);
        }
        add("WorkItemRouted", Category.LIFECYCLE, "Routing rules placed the item in a queue", List.of(
                field("note", "the routing decision: the rule that matched, the queue and required skills")));
        add("WorkItemAssigned", Category.LIFECYCLE, "A supervisor assigned the item to a worker", List.of(
                field("note", "to whom")));
        add("WorkItemTransferred", Category.LIFECYCLE, "The item moved to another queue", List.of(phi("note", "from where to where, and why")));
        add("WorkItemSourceUpdated", Category.LIFECYCLE, "The source system changed the record behind the item", List.of(
                field("note", "the names of the fields that changed")));
        add("PriorityOverrideRequested", Category.PRIORITY, "A person overrode the item's priority, or asked to", List.of(
                phi("note", "the override: target, reason code, comment, expiry, status")));
        add("PriorityOverrideApproved", Category.PRIORITY, "A second person approved a priority override", List.of(
                phi("note", "the override: target, reason code, comment, expiry, status")));
        add("PriorityOverrideExpired", Category.PRIORITY, "A priority override reached its expiry", List.of(
                phi("note", "the override that expired")));
        List<Field> sla = List.of(field("note", "the SLA stage, the deadline and the business time left or passed"));
        add("SlaGoalReached", Category.SLA, "The item reached its SLA goal time without being done", sla);
        add("SlaDeadlineApproaching", Category.SLA, "The item's SLA deadline is near", sla);
        add("SlaBreached", Category.SLA, "The item's SLA deadline passed", sla);
        add("NotificationRequested", Category.SLA, "An SLA escalation asks for someone to be told", sla);
        add("PaymentExceptionEscalated", Category.BUSINESS, "A payroll payment exception passed its deadline and was escalated", sla);
        add("DenialClassified", Category.BUSINESS, "A claim denial was classified from its adjustment codes", List.of(
                required("category", "the denial category, e.g. AUTHORIZATION, CODING, UNKNOWN_CODE"),
                field("carc", "the claim adjustment reason code that decided the category"),
                field("rarcCodes", "remittance advice remark codes, comma-separated"),
                field("payerId", "the payer's identifier"),
                number("amountAtStake", "the amount at stake"), field("currency", "ISO 4217 currency of the amount")));
        add("InvoiceHoldReleased", Category.BUSINESS, "An invoice hold or payment block was resolved", List.of(
                required("sourceSystem", "the ERP the hold lives in"), required("externalId", "the hold's id there"),
                required("resolution", "the resolution code sent back to the ERP")));
        addSource("ClaimDenied", "A payer reported a claim denied (FHIR ClaimResponse)");
        addSource("InvoiceReceived", "An ERP reported a supplier invoice received");
        addSource("SupplierApproved", "Workday reported a supplier approved");
        addSource("EmployeeOnboarded", "Workday reported an employee's onboarding");
        TYPES.put("AnomalyDetected", new EventType("AnomalyDetected", 1, Category.INSIGHTS, "Anomaly",
                "The watch found an unusual day (arrivals, SLA attainment, aging, integration failures)", List.of(
                required("metric", "what was unusual"), required("dimension", "the grouping, e.g. queue"),
                required("group", "the group, e.g. the queue's name"), new Field("day", FieldType.DATE, true, false, "the day"),
                number("actual", "the day's value"), number("expected", "the seasonal expectation"),
                number("score", "the robust score")), false));
        TYPES.put("WebhookSubscriptionDisabled", new EventType("WebhookSubscriptionDisabled", 1, Category.PLATFORM,
                "WebhookSubscription", "Ordo disabled a webhook subscription whose deliveries kept failing", List.of(
                required("url", "the subscription's target"), required("reason", "why it was disabled")), false));
    }

    private EventCatalogue() {
    }

    /** Every event type, in catalogue order. */
    public static List<EventType> all() {
        return Collections.unmodifiableList(new ArrayList<>(TYPES.values()));
    }

    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The type of an event as published: its catalogue entry, or an open source event for a name not listed. */
    public static EventType typeOf(String name) {
        EventType known = TYPES.get(name);
        return known != null ? known : new EventType(name, 1, Category.SOURCE, WORK_ITEM,
                "An event a source system reported with its record", List.of(), true);
    }

    private static void add(String name, Category category, String description, List<Field> fields) {
        TYPES.put(name, new EventType(name, 1, category, WORK_ITEM, description, fields, false));
    }

    private static void addSource(String name, String description) {
        TYPES.put(name, new EventType(name, 1, Category.SOURCE, WORK_ITEM, description + "; the data is the source's own", List.of(), true));
    }

    private static Field field(String name, String description) {
        return new Field(name, FieldType.STRING, false, false, description);
    }

    private static Field required(String name, String description) {
        return new Field(name, FieldType.STRING, true, false, description);
    }

    private static Field number(String name, String description) {
        return new Field(name, FieldType.NUMBER, false, false, description);
    }

    private static Field phi(String name, String description) {
        return new Field(name, FieldType.STRING, false, true, description);
    }
}
