package health.ordo.application.service.approval;

import health.ordo.application.port.in.approval.ApprovalNotFoundException;
import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.approval.ManageApprovalsUseCase;
import health.ordo.application.port.out.approval.ApprovalPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.approval.Checker;
import health.ordo.domain.approval.ApprovalSettings;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides held actions. Approval and the action commit together: if the action fails (the item moved on, the policy
 * was withdrawn), the request stays pending and the error is answered.
 */
public final class ApprovalService implements ManageApprovalsUseCase {

    private final ApprovalPort approvals;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Map<ApprovalKind, ApprovedAction> actions = new EnumMap<>(ApprovalKind.class);

    public ApprovalService(ApprovalPort approvals, TransactionPort transactions, Clock clock) {
        this.approvals = approvals;
        this.transactions = transactions;
        this.clock = clock;
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
            ApprovalRequest approved = locked(tenant, id).approve(new Checker(checker.name(), tenantAdmin), note, clock.instant());
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
            ApprovalRequest rejected = locked(tenant, id).reject(new Checker(checker.name(), tenantAdmin), note, clock.instant());
            approvals.update(rejected);
            return rejected.withoutSecrets();
        });
    }

    private ApprovalRequest locked(TenantId tenant, UUID id) {
        return approvals.lock(tenant, id).orElseThrow(() -> new ApprovalNotFoundException(id.toString()));
    }
}
