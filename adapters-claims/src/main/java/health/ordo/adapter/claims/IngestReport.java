package health.ordo.adapter.claims;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an inbound payer document did: counts, one result per claim, and the defects tolerated.
 *
 * @param interchanges X12 interchanges (ISA) or FHIR resources read
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IngestReport(int interchanges, int claimsSeen, int itemsCreated, int duplicates, int conflicts, int reversalsApplied,
                    int routineClaims, int rejectedClaims, List<ClaimResult> claims, List<String> warnings) {

    /** One claim's outcome: created, duplicate, conflict, routine, reversal-applied, reversal-ignored, rejected. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimResult(String claim, String outcome, @Nullable String workItemId, @Nullable String reason) {
    }
}
