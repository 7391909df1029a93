package health.ordo.application.service.priority;

import health.ordo.application.port.in.priority.OverridePriorityUseCase;
import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.application.port.in.priority.PrioritySettingsUseCase;
import health.ordo.application.port.out.priority.PrioritySettingsPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.score.PriorityOverride;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.NotAllowedException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Priority overrides with the tenant's reason codes and four-eyes threshold, stored with history and events. */
public final class PriorityOverrideService implements OverridePriorityUseCase, PrioritySettingsUseCase {

    private static final Duration MAX_OVERRIDE = Duration.ofDays(90);
    /** A threshold every move exceeds (a distance is never negative): the override waits for approval. */
    private static final BigDecimal ALWAYS_APPROVED = BigDecimal.ONE.negate();

    private final WorkItemUpdater updater;
    private final PrioritySettingsPort settingsPort;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final Clock clock;

    public PriorityOverrideService(WorkItemUpdater updater, PrioritySettingsPort settingsPort, TransactionPort transactions,
                                   PriorityScoringService scoring, Clock clock) {
        this.updater = updater;
        this.settingsPort = settingsPort;
        this.transactions = transactions;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public WorkItem requestOverride(TenantId tenant, WorkItemId id, OverrideTarget target, String reasonCode,
                                    String comment, Instant expiresAt, Actor actor) {
        return request(tenant, id, target, reasonCode, comment, expiresAt, actor, false);
    }

    @Override
    public WorkItem requestOverrideForApproval(TenantId tenant, WorkItemId id, OverrideTarget target, String reasonCode,
                                               String comment, Instant expiresAt, Actor actor) {
        return request(tenant, id, target, reasonCode, comment, expiresAt, actor, true);
    }

    /** @param forApproval a worker's request: only on their own item, never over another override, always approved by a supervisor */
    private WorkItem request(TenantId tenant, WorkItemId id, OverrideTarget target, String reasonCode, String comment, Instant expiresAt,
                             Actor actor, boolean forApproval) {
        Instant now = clock.instant();
        InvalidValueException.require(expiresAt != null && expiresAt.isAfter(now), "expiresAt", "expiresAt must lie in the future");
        InvalidValueException.require(!expiresAt.isAfter(now.plus(MAX_OVERRIDE)), "expiresAt",
                "an override lasts at most " + MAX_OVERRIDE.toDays() + " days");
        return updater.change(tenant, id, (item, at) -> {
            PrioritySettings settings = settingsPort.load(tenant).orElse(PrioritySettings.DEFAULTS);
            InvalidValueException.require(reasonCode != null && settings.overrideReasonCodes().contains(reasonCode),
                    "reasonCode", "reasonCode must be one of " + settings.overrideReasonCodes());
            BigDecimal threshold = settings.approvalThresholdPoints();
            if (forApproval) {
                if (!actor.name().equals(item.assignee())) {
                    throw new NotAllowedException("OVERRIDE_REQUEST_OWN_ITEM", "a worker asks for a priority change of an item assigned to them");
                }
                PriorityOverride current = item.priorityOverride();
                if (current != null && (current.status() == PriorityOverride.Status.ACTIVE
                        || current.status() == PriorityOverride.Status.PENDING_APPROVAL)) {
                    throw new NotAllowedException("OVERRIDE_IN_PLACE", "the item has an override in place (" + current.status()
                            + "); a supervisor changes it");
                }
                threshold = ALWAYS_APPROVED;
            }
            item.applyScore(scoring.explain(item, at), at);
            item.requestOverride(target, reasonCode, comment, expiresAt, threshold, actor, at);
        });
    }

    @Override
    public WorkItem approveOverride(TenantId tenant, WorkItemId id, UUID overrideId, Actor actor) {
        return updater.change(tenant, id, (item, at) -> item.approveOverride(overrideId, actor, at));
    }

    @Override
    public PrioritySettings settings(TenantId tenant) {
        return transactions.readOnly(tenant, () -> settingsPort.load(tenant).orElse(PrioritySettings.DEFAULTS));
    }

    @Override
    public PrioritySettings update(TenantId tenant, PrioritySettings settings) {
        transactions.inTransaction(tenant, () -> {
            settingsPort.save(tenant, settings);
            return null;
        });
        return settings;
    }
}
