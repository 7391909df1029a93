package health.ordo.application.port.in.connector;

/** A connector configuration Ordo cannot use; names the field at fault. */
public class InvalidConnectorException extends RuntimeException {

    private final String field;

    public InvalidConnectorException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
