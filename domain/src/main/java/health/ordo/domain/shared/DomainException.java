package health.ordo.domain.shared;

/** Base of every rule the domain refuses; the message is safe to show to the caller (it never carries PHI). */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
