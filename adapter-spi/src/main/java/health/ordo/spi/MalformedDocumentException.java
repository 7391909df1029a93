package health.ordo.spi;

/** The document cannot be read at all; {@link #location()} says where (segment and position, JSON path). */
public class MalformedDocumentException extends RuntimeException {

    private final String location;

    public MalformedDocumentException(String location, String message) {
        super(message);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
