package health.ordo.application.port.in;

/**
 * What the caller asked for does not exist in their tenant, or is not theirs to see; the API answers 404 either way, so
 * another tenant's ids leak nothing.
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
