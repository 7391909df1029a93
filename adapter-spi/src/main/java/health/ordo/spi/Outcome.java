package health.ordo.spi;

/**
 * What Ordo wants written back to the source for one record.
 *
 * @param resolution     e.g. {@code RELEASED}, {@code APPEAL_SUBMITTED}, {@code WRITTEN_OFF}
 * @param idempotencyKey the same key on every retry of the same write-back
 */
public record Outcome(String externalId, String resolution, String note, String idempotencyKey) {
}
