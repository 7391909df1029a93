package health.ordo.spi.http;

import health.ordo.spi.SourceUnavailableException;

/**
 * A request the {@link OutboundPolicy} does not let out (or a host that cannot be resolved): nothing was sent. Not retried in
 * the round, except a name that did not resolve, which may be a passing DNS failure.
 */
public final class OutboundRefusedException extends SourceUnavailableException {

    public OutboundRefusedException(String reason) {
        this(reason, false);
    }

    OutboundRefusedException(String reason, boolean retryable) {
        super(reason, null, null, retryable);
    }
}
