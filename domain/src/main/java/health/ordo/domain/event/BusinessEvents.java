package health.ordo.domain.event;

import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemEvent;
import health.ordo.domain.workitem.WorkItemType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business events a change of a work item means, beside its lifecycle events: a claim denial entering Ordo was
 * classified ({@code DenialClassified}); an invoice hold or payment block completed was released
 * ({@code InvoiceHoldReleased}). Their data is codes and identifiers only.
 */
public final class BusinessEvents {

    private BusinessEvents() {
    }

    /** The item's new events followed, each, by the business events it means. */
    public static List<WorkItemEvent> withBusinessEvents(WorkItem item, List<WorkItemEvent> events) {
        List<WorkItemEvent> out = null;
        for (int i = 0; i < events.size(); i++) {
            WorkItemEvent derived = derive(item, events.get(i));
            if (derived != null) {
                if (out == null) {
                    out = new ArrayList<>(events.subList(0, i));
                }
                out.add(events.get(i));
                out.add(derived);
            } else if (out != null) {
                out.add(events.get(i));
            }
        }
        return out == null ? events : out;
    }

    private static WorkItemEvent derive(WorkItem item, WorkItemEvent event) {
        WorkItemType type = item.content().type();
        if (event instanceof WorkItemEvent.WorkItemCreated && type == WorkItemType.CLAIM_DENIAL) {
            Map<String, String> data = new LinkedHashMap<>();
            String category = item.content().attributes().text("denialCategory");
            data.put("category", category == null ? "UNCLASSIFIED" : category);
            put(data, "carc", item.content().attributes().text("carc"));
            put(data, "rarcCodes", item.content().attributes().text("rarcCodes"));
            put(data, "payerId", item.content().attributes().text("payerId"));
            if (item.content().moneyAtStake() != null) {
                data.put("amountAtStake", item.content().moneyAtStake().value().toPlainString());
                data.put("currency", item.content().moneyAtStake().currency());
            }
            return new WorkItemEvent.SourceBusinessEvent(event.tenantId(), event.workItemId(), event.occurredAt(), event.actor(),
                    "DenialClassified", data);
        }
        if (event instanceof WorkItemEvent.WorkItemStatusChanged changed
                && changed.action() == health.ordo.domain.workitem.LifecycleAction.COMPLETE
                && (type == WorkItemType.INVOICE_HOLD || type == WorkItemType.PAYMENT_BLOCK)) {
            return new WorkItemEvent.SourceBusinessEvent(event.tenantId(), event.workItemId(), event.occurredAt(), event.actor(),
                    "InvoiceHoldReleased", Map.of("sourceSystem", item.content().source().system(),
                    "externalId", item.content().source().externalId(),
                    "resolution", item.resolutionCode() == null ? "COMPLETED" : item.resolutionCode()));
        }
        return null;
    }

    private static void put(Map<String, String> data, String name, String value) {
        if (value != null && !value.isBlank()) {
            data.put(name, value);
        }
    }
}
