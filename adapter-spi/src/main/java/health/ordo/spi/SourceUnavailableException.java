package health.ordo.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The source could not be reached or answered with an error; nothing was consumed. A source that said when to come
 * back (HTTP {@code Retry-After} on 429 or 503) carries it as {@link #retryAfter()}; one that refused the credentials is
 * not {@link #retryable()}: trying again at once would only risk locking the integration account.
 */
public class SourceUnavailableException extends RuntimeException {

    private final Duration retryAfter;
    private final boolean retryable;

    public SourceUnavailableException(String message, Throwable cause) {
        this(message, cause, null, true);
    }

    public SourceUnavailableException(String message, Throwable cause, Duration retryAfter, boolean retryable) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    /** How long the source asked to be left alone, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether trying again within the same round can help (not for refused credentials). */
    public boolean retryable() {
        return retryable;
    }
}
