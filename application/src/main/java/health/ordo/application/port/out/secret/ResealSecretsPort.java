package health.ordo.application.port.out.secret;

/** Where sealed secrets are stored: seals a batch of those not under the current key again, in the caller's unit of work. */
public interface ResealSecretsPort {

    /** What one batch did: rows looked at (locked) and rows sealed again. */
    record Batch(int examined, int resealed) {
    }

    /** @param size the most rows to take (skipping rows another node holds) */
    Batch resealNextBatch(int size);
}
