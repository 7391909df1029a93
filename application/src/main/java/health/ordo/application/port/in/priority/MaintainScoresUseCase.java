package health.ordo.application.port.in.priority;

import java.time.Duration;

/**
 * Keeps stored scores fresh and overrides honest; called by schedulers on every node. Each call claims its own
 * rows ({@code FOR UPDATE SKIP LOCKED}), so with several nodes every row is processed once per round.
 */
public interface MaintainScoresUseCase {

    /** Re-scores open items scored longer ago than {@code maxAge}, up to {@code limit}; returns how many. */
    int rescoreStale(Duration maxAge, int limit);

    /** Ends overrides whose expiry passed, restoring computed scores; returns how many. */
    int expireOverrides(int limit);

    /** Advances one queued or running job by up to {@code timeSlice}; false when there was nothing to do. */
    boolean advanceJobs(Duration timeSlice);
}
