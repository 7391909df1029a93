package health.ordo.application.port.in.priority;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress of a background job, such as re-scoring the backlog after a policy activation.
 *
 * @param percent 0..100
 * @param eta     expected finish, or null while unknown or when done
 */
public record JobStatus(UUID id, String kind, String subject, State state, long total, long done, double percent,
                        Instant createdAt, Instant startedAt, Instant finishedAt, Instant eta, String message) {

    /** Life of a job. */
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }
}
