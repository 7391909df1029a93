package health.ordo.application.service.approval;

import health.ordo.application.port.in.approval.ApprovalNotFoundException;
import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.approval.ManageApprovalsUseCase;
import health.ordo.application.port.out.approval.ApprovalPort;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.Checker;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.NotAllowedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides held actions. Approval and the action commit together: if the action fails (the item moved on, the policy
 * was withdrawn), the request stays pending and the error is answered. A request nobody decides within
 * {@code expireAfter} can no longer be decided; {@link #expireOverdue} closes such requests as EXPIRED, tenant by
 * tenant, each with an audit entry, and any number of nodes may run it at once.
 */
public final class ApprovalService implements ManageApprovalsUseCase {

    private final ApprovalPort approvals;
    private final TransactionPort transactions;
    private final AuditLogPort audit;
    private final Clock clock;
    private final Duration expireAfter;
    private final Map<ApprovalKind, ApprovedAction> actions = new EnumMap<>(ApprovalKind.class);

    public ApprovalService(ApprovalPort approvals, TransactionPort transactions, AuditLogPort audit, Clock clock, Duration expireAfter) {
        if (expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("ordo.approvals.expire-after must be positive, not " + expireAfter);
        }
        this.approvals = approvals;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.expireAfter = expireAfter;
        actions.put(ApprovalKind.APPROVAL_RULES_CHANGE, (request, checker) -> {
            Map<String, String> p = request.parameters();
            java.util.Set<ApprovalKind> kinds = java.util.EnumSet.noneOf(ApprovalKind.class);
            java.util.Arrays.stream(p.getOrDefault("required", "").split(",")).filter(k -> !k.isBlank()).map(ApprovalKind::valueOf)
                    .forEach(kinds::add);
            save(new ApprovalSettings(request.tenant(), p.get("writeOffThreshold") == null ? null
                    : new Money(new java.math.BigDecimal(p.get("writeOffThreshold")), p.get("writeOffCurrency")), kinds));
            return "maker-checker rules changed";
        });
    }

    /** Wiring: the action each kind runs once approved. */
    public ApprovalService on(ApprovalKind kind, ApprovedAction action) {
        actions.put(kind, action);
        return this;
    }

    @Override
    public ApprovalSettings settings(TenantId tenant) {
        return transactions.readOnly(tenant, () -> approvals.settings(tenant).orElse(ApprovalSettings.none(tenant)));
    }

    @Override
    public ApprovalSettings updateSettings(ApprovalSettings settings, Actor maker) {
        ApprovalSettings current = settings(settings.tenant());
        if (current.any() && current.loosenedBy(settings)) {
            Map<String, String> parameters = new java.util.HashMap<>();
            if (settings.writeOffThreshold() != null) {
                parameters.put("writeOffThreshold", settings.writeOffThreshold().value().toPlainString());
                parameters.put("writeOffCurrency", settings.writeOffThreshold().currency());
            }
            parameters.put("required", String.join(",", settings.required().stream().map(Enum::name).sorted().toList()));
            ApprovalRequest request = ApprovalRequest.pending(settings.tenant(), ApprovalKind.APPROVAL_RULES_CHANGE, "maker-checker rules",
                    "loosen the maker-checker rules to: write-off threshold " + (settings.writeOffThreshold() == null ? "none"
                            : settings.writeOffThreshold().value().toPlainString() + " " + settings.writeOffThreshold().currency())
                            + ", required " + settings.required().stream().map(Enum::name).sorted().toList(),
                    parameters, maker.name(), clock.instant());
            transactions.inTransaction(settings.tenant(), () -> {
                approvals.insert(request);
                return null;
            });
            throw new ApprovalRequiredException(request);
        }
        return save(settings);
    }

    private ApprovalSettings save(ApprovalSettings settings) {
        transactions.inTransaction(settings.tenant(), () -> {
            approvals.saveSettings(settings);
            return null;
        });
        return settings;
    }

    @Override
    public List<ApprovalRequest> list(TenantId tenant, ApprovalRequest.Status status, int limit) {
        return transactions.readOnly(tenant, () -> approvals.list(tenant, status, limit));
    }

    @Override
    public ApprovalRequest get(TenantId tenant, UUID id) {
        return transactions.readOnly(tenant, () -> approvals.find(tenant, id)).orElseThrow(() -> new ApprovalNotFoundException(id.toString()));
    }

    @Override
    public ApprovalRequest approve(TenantId tenant, UUID id, Actor checker, boolean tenantAdmin, String note) {
        return transactions.inTransaction(tenant, () -> {
            ApprovalRequest approved = decidable(tenant, id).approve(new Checker(checker.name(), tenantAdmin), note, clock.instant());
            ApprovedAction action = actions.get(approved.kind());
            if (action == null) {
                throw new IllegalStateException("no action is wired for " + approved.kind());
            }
            ApprovalRequest done = approved.withOutcome(action.run(approved, checker));
            approvals.update(done);
            return done.withoutSecrets();
        });
    }

    @Override
    public ApprovalRequest reject(TenantId tenant, UUID id, Actor checker, boolean tenantAdmin, String note) {
        return transactions.inTransaction(tenant, () -> {
            ApprovalRequest rejected = decidable(tenant, id).reject(new Checker(checker.name(), tenantAdmin), note, clock.instant());
            approvals.update(rejected);
            return rejected.withoutSecrets();
        });
    }

    /**
     * Closes requests left undecided for {@code expireAfter}: per tenant, up to {@code batch} a transaction, rows another
     * node is closing skipped. Answers how many this call closed.
     */
    public int expireOverdue(int batch) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(expireAfter);
        int expired = 0;
        for (TenantId tenant : transactions.readAcrossTenants(() -> approvals.tenantsWithPendingBefore(cutoff))) {
            int closed;
            do {
                closed = transactions.inTransaction(tenant, () -> {
                    List<ApprovalRequest> due = approvals.lockPendingBefore(tenant, cutoff, batch);
                    for (ApprovalRequest request : due) {
                        ApprovalRequest closedRequest = request.expire(expireAfter, now);
                        approvals.update(closedRequest);
                        audit.append(AuditEntry.pending(tenant, now, ApprovalRequest.EXPIRY, "approval-expired", "approval",
                                request.id().toString(), Map.of("kind", request.kind().name(), "requestedBy", request.requestedBy(),
                                        "requestedAt", request.requestedAt().toString(), "expireAfter", expireAfter.toString()),
                                null, null));
                    }
                    return due.size();
                });
                expired += closed;
            } while (closed == batch);
        }
        return expired;
    }

    /** The pending request, row-locked for the decision; refused once it has outlived its time limit. */
    private ApprovalRequest decidable(TenantId tenant, UUID id) {
        ApprovalRequest request = approvals.lock(tenant, id).orElseThrow(() -> new ApprovalNotFoundException(id.toString()));
        if (request.overdue(expireAfter, clock.instant())) {
            throw new NotAllowedException("APPROVAL_EXPIRED", "approval " + id + " was not decided within " + expireAfter
                    + "; the maker asks again if the action is still wanted");
        }
        return request;
    }
}
