package health.ordo.adapter.claims;

import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;

/**
 * What one claim in a payer document (an 835 CLP, a FHIR ClaimResponse) became.
 *
 * @param claimRef the claim as the document names it (CLP01, the ClaimResponse id)
 * @param content  the denial work item, for {@link Kind#DENIAL}
 * @param original the item a reversal reverses, for {@link Kind#REVERSAL}
 * @param reason   why a claim is routine or rejected
 */
public record ClaimFinding(Kind kind, String claimRef, WorkItemContent content, SourceReference original, String reason) {

    /** Denials create items, reversals cancel them, routine claims create nothing, rejected claims are reported. */
    public enum Kind { DENIAL, REVERSAL, ROUTINE, REJECTED }
}
