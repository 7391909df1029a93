package health.ordo.spi;

import java.util.Objects;

/**
 * A record the source has resolved on its own (a hold released in the ERP, an invoice paid, a hire withdrawn): Ordo
 * closes the open work item for it with the reason, so nobody works what is already done.
 *
 * @param externalId the record's key, as in {@link WorkItemCommand#externalId()}
 * @param reason     what happened at the source, e.g. {@code released in Oracle: Amount approved}
 */
public record SourceClosure(String externalId, String reason) {

    public SourceClosure {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(reason, "reason");
    }
}
