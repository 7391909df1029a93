package health.ordo.application.service.priority;

import health.ordo.application.port.in.priority.OverridePriorityUseCase;
import health.ordo.application.port.in.priority.PrioritySettings;
import health.ordo.application.port.in.priority.PrioritySettingsUseCase;
import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.application.port.out.priority.PrioritySettingsPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
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
import java.util.function.Consumer;

/** Priority overrides with the tenant's reason codes and four-eyes threshold, stored with history and events. */
public final class PriorityOverrideService implements OverridePriorityUseCase, PrioritySettingsUseCase {

    private static final Duration MAX_OVERRIDE = Duration.ofDays(90);

    private final LoadWorkItemPort loadPort;
    private final SaveWorkItemPort savePort;
    private final AppendEventsPort eventsPort;
    private final PrioritySettingsPort settingsPort;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final Clock clock;

    public PriorityOverrideService(LoadWorkItemPort loadPort, SaveWorkItemPort savePort, AppendEventsPort eventsPort,
                                   PrioritySettingsPort settingsPort, TransactionPort transactions,
                                   PriorityScoringService scoring, Clock clock) {
        this.loadPort = loadPort;
        this.savePort = savePort;
        this.eventsPort = eventsPort;
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
        return change(tenant, id, item -> {
            PrioritySettings settings = settingsPort.load(tenant).orElse(PrioritySettings.DEFAULTS);
            InvalidValueException.require(reasonCode != null && settings.overrideReasonCodes().contains(reasonCode),
                    "reasonCode", "reasonCode must be one of " + settings.overrideReasonCodes());
            item.applyScore(scoring.explain(item, now), now);
            item.requestOverride(target, reasonCode, comment, expiresAt, settings.approvalThresholdPoints(), actor, now);
        });
    }

    @Override
    public WorkItem approveOverride(TenantId tenant, WorkItemId id, UUID overrideId, Actor actor) {
        return change(tenant, id, item -> item.approveOverride(overrideId, actor, clock.instant()));
    }

    private WorkItem change(TenantId tenant, WorkItemId id, Consumer<WorkItem> change) {
        return transactions.inTransaction(() -> {
            WorkItem item = loadPort.loadForUpdate(tenant, id).orElseThrow(() -> new WorkItemNotFoundException(id));
            change.accept(item);
            WorkItem.Changes changes = item.pullChanges();
            savePort.update(item, changes);
            eventsPort.append(changes.events());
            return item;
        });
    }

    @Override
    public PrioritySettings settings(TenantId tenant) {
        return transactions.readOnly(() -> settingsPort.load(tenant).orElse(PrioritySettings.DEFAULTS));
    }

    @Override
    public PrioritySettings update(TenantId tenant, PrioritySettings settings) {
        transactions.inTransaction(() -> {
            settingsPort.save(tenant, settings);
            return null;
        });
        return settings;
    }
}
