package health.ordo.spi;

/** What a write-back did. {@code FAILED} is retryable with the same idempotency key. */
public record WriteBackResult(Status status, String detail) {

    /** Write-back results. */
    public enum Status { APPLIED, ALREADY_APPLIED, FAILED }
}
