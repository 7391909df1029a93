package health.ordo.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical form of one unit of work as a source sees it; Ordo ingests it idempotently on
 * ({@code sourceSystem}, {@code externalId}).
 *
 * @param type           a work item type name, e.g. {@code INVOICE_HOLD}
 * @param amount         money at stake, or null
 * @param currency       ISO 4217 code, with amount
 * @param hardDeadlineAt the external deadline that cannot move, or null
 * @param attributes     flat scalars (text, numbers, booleans)
 * @param events         canonical business events the record carries (e.g. {@code InvoiceReceived})
 */
public record WorkItemCommand(String type, String sourceSystem, String externalId, String title, BigDecimal amount,
                              String currency, Instant dueAt, Instant hardDeadlineAt, Map<String, Object> attributes,
                              List<CanonicalEvent> events) {

    public WorkItemCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(title, "title");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
