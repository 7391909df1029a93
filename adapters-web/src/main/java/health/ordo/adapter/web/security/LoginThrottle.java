package health.ordo.adapter.web.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After {@code ordo.login.max-failures} (default 5) failed sign-ins for one username within the window (default 15
 * minutes), further attempts are refused without checking the password until the window has passed, so a password
 * cannot be guessed at speed. Kept in each node's memory.
 */
@Singleton
class LoginThrottle {

    private record Failures(int count, long firstAt) {
    }

    private final int maxFailures;
    private final long windowNanos;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${ordo.login.max-failures:5}") int maxFailures, @Value("${ordo.login.window:15m}") Duration window) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
    }

    boolean blocked(String username) {
        Failures f = failures.get(username);
        if (f == null) {
            return false;
        }
        if (System.nanoTime() - f.firstAt() > windowNanos) {
            failures.remove(username, f);
            return false;
        }
        return f.count() >= maxFailures;
    }

    void failed(String username) {
        long now = System.nanoTime();
        failures.merge(username, new Failures(1, now), (old, one) -> now - old.firstAt() > windowNanos ? one
                : new Failures(old.count() + 1, old.firstAt()));
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
