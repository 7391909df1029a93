package health.ordo.domain.approval;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.NotAllowedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An action held for a second person. The maker's request is kept as {@code parameters} (never secrets in clear:
 * a connector's credentials travel encrypted); a checker other than the maker approves it, and only then it runs,
 * or rejects it. Both decisions are final. A request nobody decides within the deployment's time limit expires: it can
 * no longer be approved, and its maker asks again if the action is still wanted.
 */
public record ApprovalRequest(TenantId tenant, UUID id, ApprovalKind kind, String subject, String summary,
                              Map<String, String> parameters, String requestedBy, Instant requestedAt, Status status,
                              String decidedBy, Instant decidedAt, String note, String outcome) {

    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }

    /** Who "decides" a request that expired undecided. */
    public static final String EXPIRY = "system:approval-expiry";

    /** Parameters named {@code secret.…} are stored encrypted and never shown. */
    public static final String SECRET_PREFIX = "secret.";

    public ApprovalRequest {
        InvalidValueException.require(tenant != null && id != null && kind != null && subject != null && requestedBy != null
                && requestedAt != null && status != null, "approval", "an approval request needs tenant, id, kind, subject, maker and time");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static ApprovalRequest pending(TenantId tenant, ApprovalKind kind, String subject, String summary,
                                          Map<String, String> parameters, String maker, Instant now) {
        return new ApprovalRequest(tenant, UUID.randomUUID(), kind, subject, summary, parameters, maker, now, Status.PENDING,
                null, null, null, null);
    }

    /** The checker approves; the maker never can. The action's outcome is recorded once it has run. */
    public ApprovalRequest approve(Checker checker, String note, Instant now) {
        decidable(checker);
        return new ApprovalRequest(tenant, id, kind, subject, summary, parameters, requestedBy, requestedAt, Status.APPROVED,
                checker.login(), now, note, null);
    }

    public ApprovalRequest reject(Checker checker, String note, Instant now) {
        decidable(checker);
        InvalidValueException.require(note != null && !note.isBlank(), "note", "a rejection needs a note for the maker");
        return new ApprovalRequest(tenant, id, kind, subject, summary, parameters, requestedBy, requestedAt, Status.REJECTED,
                checker.login(), now, note, null);
    }

    /** Whether the request, still pending, has outlived {@code limit} at {@code now}. */
    public boolean overdue(Duration limit, Instant now) {
        return status == Status.PENDING && !requestedAt.plus(limit).isAfter(now);
    }

    /** An undecided request past its time limit: closed with no action run, its held secrets dropped. */
    public ApprovalRequest expire(Duration limit, Instant now) {
        if (!overdue(limit, now)) {
            throw new NotAllowedException("EXPIRES_WHEN_OVERDUE", "approval " + id + " is " + status.name().toLowerCase()
                    + " and not past its time limit of " + limit);
        }
        return new ApprovalRequest(tenant, id, kind, subject, summary, parameters, requestedBy, requestedAt, Status.EXPIRED,
                EXPIRY, now, "no decision within " + limit, null);
    }

    public ApprovalRequest withOutcome(String outcome) {
        return new ApprovalRequest(tenant, id, kind, subject, summary, parameters, requestedBy, requestedAt, status,
                decidedBy, decidedAt, note, outcome);
    }

    /** The request as shown to people: secret parameters named but never their values. */
    public ApprovalRequest withoutSecrets() {
        Map<String, String> shown = new java.util.TreeMap<>();
        parameters.forEach((name, value) -> shown.put(name, name.startsWith(SECRET_PREFIX) ? "(secret)" : value));
        return new ApprovalRequest(tenant, id, kind, subject, summary, shown, requestedBy, requestedAt, status,
                decidedBy, decidedAt, note, outcome);
    }

    private void decidable(Checker checker) {
        if (status != Status.PENDING) {
            throw new NotAllowedException("DECIDED_ONCE", "approval " + id + " was already " + status.name().toLowerCase());
        }
        if (kind != ApprovalKind.WRITE_OFF && !checker.tenantAdmin()) {
            throw new NotAllowedException("ADMIN_APPROVES_CONFIGURATION", kind + " is decided by a tenant admin");
        }
        if (requestedBy.equals(checker.login())) {
            throw new NotAllowedException("FOUR_EYES", "an approval needs someone other than its maker (" + requestedBy + ")");
        }
    }
}
