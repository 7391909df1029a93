package health.ordo.application.service.claims;

import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;

/**
 * What the claims rules make of one claim.
 *
 * @param claimRef the claim as the document names it (CLP01, the ClaimResponse id)
 * @param content  the work item, for {@link Kind#DENIAL} (a denial or an underpayment)
 * @param original the item a reversal reverses, for {@link Kind#REVERSAL}
 * @param reason   why a claim is routine or rejected, or what a reversal says
 */
public record ClaimFinding(Kind kind, String claimRef, WorkItemContent content, SourceReference original, String reason) {

    /** Denials create items, reversals cancel them, routine claims create nothing, rejected claims are reported. */
    public enum Kind { DENIAL, REVERSAL, ROUTINE, REJECTED }
}
