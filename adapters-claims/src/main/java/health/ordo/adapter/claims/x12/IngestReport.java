package health.ordo.adapter.claims.x12;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an inbound remittance did: counts, one result per claim (CLP01), and the defects tolerated. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record IngestReport(int interchanges, int claimsSeen, int itemsCreated, int duplicates, int conflicts, int reversalsApplied,
                    int routineClaims, int rejectedClaims, List<ClaimResult> claims, List<String> warnings) {

    /** One claim's outcome: created, duplicate, conflict, routine, reversal-applied, reversal-ignored, rejected. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClaimResult(String claim, String outcome, @Nullable String workItemId, @Nullable String reason) {
    }
}
