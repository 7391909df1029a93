package health.ordo.application.port.in.connector;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no connector of that name. */
public class ConnectorNotFoundException extends NotFoundException {

    public ConnectorNotFoundException(String name) {
        super("no connector " + name);
    }
}
