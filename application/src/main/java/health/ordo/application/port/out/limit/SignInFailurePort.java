package health.ordo.application.port.out.limit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in failure counts every node shares. Keys name an account, an address or both; an implementation stores them
 * so that neither can be read back (a digest).
 */
public interface SignInFailurePort {

    /**
     * Counts one failure of {@code key} at {@code now}, atomically: a count whose last failure was before
     * {@code idleBefore} and that is not blocked at {@code now} starts again at one. Answers the count.
     */
    int countFailure(String key, Instant now, Instant idleBefore);

    /** Refuses attempts on {@code key} until {@code until}, or longer if it is already blocked longer. */
    void blockUntil(String key, Instant until);

    /** The latest time until which one of the keys is blocked, if any of them is blocked after {@code now}. */
    Optional<Instant> blockedUntil(List<String> keys, Instant now);

    void clear(List<String> keys);

    /** Forgets up to {@code max} counts idle since before {@code idleBefore} and not blocked at {@code now}; answers how many. */
    int removeIdle(Instant idleBefore, Instant now, int max);
}
