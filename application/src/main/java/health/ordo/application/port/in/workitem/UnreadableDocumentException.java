package health.ordo.application.port.in.workitem;

/** An inbound document (an X12 file, a FHIR resource) cannot be read as a whole; {@link #location()} says where. */
public final class UnreadableDocumentException extends RuntimeException {

    private final String location;

    public UnreadableDocumentException(String location, String message) {
        super(message);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
