package health.ordo.application.port.in.intake;

/** A document intake does not take: an unknown kind of file, an empty one, or one over the size limit. */
public final class UnsupportedDocumentException extends RuntimeException {

    private final boolean tooLarge;

    public UnsupportedDocumentException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
