package health.ordo.domain.routing;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.time.Duration;
import java.util.Objects;

/**
 * Where work waits. The weight sets the queue's fair share when a worker serves several queues; the reservation
 * timeout returns a claimed item to READY when its worker does not start it in time.
 */
public record Queue(TenantId tenant, String id, String name, String team, String site, int weight,
                    Duration reservationTimeout) {

    public static final Duration DEFAULT_RESERVATION_TIMEOUT = Duration.ofMinutes(15);

    public Queue {
        Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(id != null && id.matches("[a-z0-9][a-z0-9-]{0,62}"), "id",
                "queue ids are 1-63 lower-case letters, digits or dashes");
        InvalidValueException.require(weight >= 1 && weight <= 100, "weight", "weight lies between 1 and 100");
        reservationTimeout = reservationTimeout == null ? DEFAULT_RESERVATION_TIMEOUT : reservationTimeout;
        InvalidValueException.require(!reservationTimeout.isNegative() && !reservationTimeout.isZero()
                && reservationTimeout.compareTo(Duration.ofDays(7)) <= 0, "reservationTimeout",
                "reservationTimeout lies between 1 second and 7 days");
        name = name == null || name.isBlank() ? id : name;
        InvalidValueException.require(name.length() <= 200, "name", "name is at most 200 characters");
        InvalidValueException.require(team == null || team.length() <= 100, "team", "team is at most 100 characters");
        InvalidValueException.require(site == null || site.length() <= 100, "site", "site is at most 100 characters");
    }
}
