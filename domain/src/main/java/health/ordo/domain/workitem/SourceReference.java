package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;

/**
 * Where a work item came from: the source system and the record's id there. Together with the tenant it is
 * the idempotency key of ingestion.
 */
public record SourceReference(String system, String externalId) {

    public SourceReference {
        InvalidValueException.require(system != null && !system.isBlank(), "source.system", "source.system is required");
        InvalidValueException.require(system.length() <= 64, "source.system", "source.system is longer than 64 characters");
        InvalidValueException.require(externalId != null && !externalId.isBlank(), "source.externalId",
                "source.externalId is required");
        InvalidValueException.require(externalId.length() <= 200, "source.externalId",
                "source.externalId is longer than 200 characters");
    }
}
