package health.ordo.application.port.in.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event's delivery to one subscription, with every attempt. {@code PENDING} until the receiver answers 2xx
 * ({@code DELIVERED}) or the retry schedule is spent ({@code DEAD}: dead-lettered, replayable).
 */
public record WebhookDelivery(long id, UUID subscriptionId, UUID eventId, String eventType, String subject, long position, boolean replay,
                              Status status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                              Instant createdAt, Instant deliveredAt, List<Attempt> attemptLog) {

    public enum Status { PENDING, DELIVERED, DEAD }

    /** One try: the receiver's status code (null when none came: refused, timed out), the time it took, the error. */
    public record Attempt(int attempt, Instant at, Integer statusCode, long latencyMillis, String error) {
    }

    public WebhookDelivery {
        attemptLog = List.copyOf(attemptLog);
    }

    public WebhookDelivery withAttempts(List<Attempt> attempts) {
        return new WebhookDelivery(id, subscriptionId, eventId, eventType, subject, position, replay, status, this.attempts, nextAttemptAt,
                lastStatusCode, lastError, createdAt, deliveredAt, attempts);
    }
}
