package health.ordo.application.port.in.routing;

import java.time.Duration;
import java.util.Map;

/**
 * A queue at a glance.
 *
 * @param depth           READY items waiting
 * @param oldestReadyAge  how long the oldest READY item has existed, or null when none waits
 * @param byStatus        open and closed items per status
 */
public record QueueStats(String queue, long depth, Duration oldestReadyAge, Map<String, Long> byStatus) {
}
