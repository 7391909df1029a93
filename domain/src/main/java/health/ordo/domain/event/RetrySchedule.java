package health.ordo.domain.event;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed webhook delivery is tried again: after 5 seconds, 5 minutes, 30 minutes, 2 hours, 5 hours, then every 10
 * hours, three times (about 27½ hours from the first attempt to the last), each delay stretched by up to a tenth at random so
 * that retries of many deliveries do not arrive together. After the last attempt fails the delivery is dead-lettered.
 */
public record RetrySchedule(List<Duration> delays) {

    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10),
            Duration.ofHours(10)));

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** Attempts in all, the first included. */
    public int attempts() {
        return delays.size() + 1;
    }

    /** The wait after the {@code failedAttempts}-th failed attempt, or empty when it was the last one. */
    public Optional<Duration> after(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(failedAttempts - 1);
        return Optional.of(delay.plusMillis(random.nextLong(delay.toMillis() / 10 + 1)));
    }

    /** The time from the first attempt to the last, without jitter. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
