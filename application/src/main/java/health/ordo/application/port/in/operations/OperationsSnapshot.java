package health.ordo.application.port.in.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The platform's operational state across tenants at one instant, for monitoring (queue depth and age, SLA breaches,
 * escalations, re-score lag, connectors, outbox, webhooks, write-backs). It names tenants, queues and connectors,
 * never items or people, so what is built from it stays bounded in size.
 */
public record OperationsSnapshot(Instant at, List<QueueLoad> queues, Escalations escalations, Duration rescoreLag,
                                 List<ConnectorHealth> connectors, Outbox outbox, Map<String, Long> webhookDeliveries,
                                 long webhookFailedAttemptsLastHour, Map<String, Long> writeBacks) {

    public OperationsSnapshot {
        queues = List.copyOf(queues);
        connectors = List.copyOf(connectors);
        webhookDeliveries = Map.copyOf(webhookDeliveries);
        writeBacks = Map.copyOf(writeBacks);
    }

    /**
     * One queue of one tenant: its open items by status, how long its oldest READY item has waited, and how many of its
     * open items are past their deadline.
     */
    public record QueueLoad(String tenant, String queue, Map<String, Long> itemsByStatus, Duration oldestReadyAge,
                            long breachedOpen) {
        public QueueLoad {
            itemsByStatus = Map.copyOf(itemsByStatus);
        }
    }

    /**
     * Escalation timers: {@code overdue} are due for longer than the late threshold and not fired yet (nothing is
     * firing them); {@code maxOverdue} is the oldest of them; fired and fired-late count the last hour.
     */
    public record Escalations(long overdue, Duration maxOverdue, long firedLastHour, long firedLateLastHour) {
    }

    /** A connector's last known health, how long since its last successful sync (null: never) and its failed runs in the last hour. */
    public record ConnectorHealth(String tenant, String connector, String type, String health, Duration sinceLastSuccess,
                                  long failedRunsLastHour) {
    }

    /** Events committed but not yet relayed to the feed, and the age of the oldest of them. */
    public record Outbox(long pending, Duration lag) {
    }
}
