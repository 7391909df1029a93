package health.ordo.application.port.in.connector;

/** The tenant has no connector of that name. */
public class ConnectorNotFoundException extends RuntimeException {

    public ConnectorNotFoundException(String name) {
        super("no connector " + name);
    }
}
