package health.ordo.application.port.in.claims;

import java.util.List;

/**
 * What an inbound payer document did: counts, one result per claim, and the defects tolerated.
 *
 * @param interchanges X12 interchanges (ISA) or FHIR resources read
 */
public record IngestReport(int interchanges, int claimsSeen, int itemsCreated, int duplicates, int conflicts, int reversalsApplied,
                           int routineClaims, int rejectedClaims, List<ClaimResult> claims, List<String> warnings) {

    /** One claim's outcome: created, duplicate, conflict, routine, reversal-applied, reversal-ignored, rejected. */
    public record ClaimResult(String claim, String outcome, String workItemId, String reason) {
    }
}
