package health.ordo.application.service.priority;

import health.ordo.application.port.in.priority.OverridePriorityUseCase;
import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.application.port.in.priority.PrioritySettingsUseCase;
import health.ordo.application.port.out.priority.PrioritySettingsPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.domain.score.OverrideTarget;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Priority overrides with the tenant's reason codes and four-eyes threshold, stored with history and events. */
public final class PriorityOverrideService implements OverridePriorityUseCase, PrioritySettingsUseCase {

    private static final Duration MAX_OVERRIDE = Duration.ofDays(90);

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
        Instant now = clock.instant();
        InvalidValueException.require(expiresAt != null && expiresAt.isAfter(now), "expiresAt", "expiresAt must lie in the future");
        InvalidValueException.require(!expiresAt.isAfter(now.plus(MAX_OVERRIDE)), "expiresAt",
                "an override lasts at most " + MAX_OVERRIDE.toDays() + " days");
        return updater.change(tenant, id, (item, at) -> {
            PrioritySettings settings = settingsPort.load(tenant).orElse(PrioritySettings.DEFAULTS);
            InvalidValueException.require(reasonCode != null && settings.overrideReasonCodes().contains(reasonCode),
                    "reasonCode", "reasonCode must be one of " + settings.overrideReasonCodes());
            item.applyScore(scoring.explain(item, at), at);
            item.requestOverride(target, reasonCode, comment, expiresAt, settings.approvalThresholdPoints(), actor, at);
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
