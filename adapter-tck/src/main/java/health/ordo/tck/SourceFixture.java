package health.ordo.tck;

/**
 * Control over the fake source an adapter under test talks to (a local HTTP server, a folder, an in-memory feed).
 * The TCK adds records, breaks the source and counts applied write-backs through it.
 */
public interface SourceFixture {

    /** Adds {@code count} new, valid records after the existing ones. */
    void addValidRecords(int count);

    /** Adds one record the adapter must reject (missing mandatory data, wrong type). */
    void addMalformedRecord();

    /** The next {@code calls} calls to the source fail (connection refused, 5xx); 0 heals it. */
    void failNextCalls(int calls);

    /** How many times the source applied a write-back with this idempotency key. */
    int timesApplied(String idempotencyKey);
}
