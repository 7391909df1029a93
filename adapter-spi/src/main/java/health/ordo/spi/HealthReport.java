package health.ordo.spi;

import java.time.Instant;

/** How an adapter's source is doing; {@code reason} says why when it is not UP. */
public record HealthReport(Status status, String reason, Instant checkedAt) {

    /** Health states. */
    public enum Status { UP, DEGRADED, DOWN }

    public static HealthReport up(Instant at) {
        return new HealthReport(Status.UP, null, at);
    }
}
