package health.ordo.spi;

import java.util.List;
import java.util.Objects;

/**
 * A record the source has resolved on its own (a hold released in the ERP, an invoice paid, a hire withdrawn, a supplier
 * approved): Ordo closes the open work item for it with the reason, so nobody works what is already done, and publishes
 * the business events that came with the resolution (e.g. {@code SupplierApproved}).
 *
 * @param externalId the record's key, as in {@link WorkItemCommand#externalId()}
 * @param reason     what happened at the source, e.g. {@code released in Oracle: Amount approved}
 * @param events     canonical business events of the resolution, possibly none
 */
public record SourceClosure(String externalId, String reason, List<CanonicalEvent> events) {

    public SourceClosure {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(reason, "reason");
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A closure without business events. */
    public SourceClosure(String externalId, String reason) {
        this(externalId, reason, List.of());
    }
}
