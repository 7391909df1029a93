package health.ordo.application.port.in.client;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no such API client. */
public class ApiClientNotFoundException extends NotFoundException {

    public ApiClientNotFoundException(String clientId) {
        super("no API client " + clientId);
    }
}
