package health.ordo.spi;

/**
 * A source of back-office work (an ERP, a clearinghouse, an HR system) that Ordo pulls incrementally.
 * <p>
 * Rules every implementation keeps (checked by the TCK): the same source record always yields a command with the same
 * {@link WorkItemCommand#externalId()} and content; pulling from a cursor returns exactly the records after it, in a
 * stable order, so an interrupted sync resumes without gaps or repeats; a record that cannot be mapped becomes a
 * {@link Rejection} with a reason while the rest of the batch is kept; {@link #writeBack(Outcome)} is idempotent on the
 * outcome's key; {@link #health()} reports DEGRADED while the source fails and UP once it answers again.
 */
public interface SourceAdapter {

    /** The source system's name as it appears on work items, e.g. {@code oracle-fusion}. */
    String system();

    /**
     * Records new or changed since the cursor, at most {@code max}.
     *
     * @param since {@link Cursor#START} for the beginning
     * @throws SourceUnavailableException when the source cannot be reached; the cursor is then unchanged
     */
    PullResult pull(Cursor since, int max);

    /** The adapter's view of its source now. */
    HealthReport health();

    /**
     * Writes an outcome back to the source (a released hold, an appeal filed). Retrying with the same
     * {@link Outcome#idempotencyKey()} after a failure or a lost answer never applies it twice.
     */
    WriteBackResult writeBack(Outcome outcome);

    /**
     * The documents this source delivers, for sources whose work arrives as documents (a scan folder, a portal's downloads);
     * empty for sources of records, the default. Ordo syncs a connector by pulling its records and then delivering its
     * documents to intake.
     */
    default java.util.Optional<DocumentFeed> documents() {
        return java.util.Optional.empty();
    }
}
