package health.ordo.spi;

/** The source could not be reached or answered with an error; nothing was consumed. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
