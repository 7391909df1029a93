package health.ordo.application.port.in.client;

/** The tenant has no such API client. */
public class ApiClientNotFoundException extends RuntimeException {

    public ApiClientNotFoundException(String clientId) {
        super("no API client " + clientId);
    }
}
