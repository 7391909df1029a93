package health.ordo.application.port.in.tenant;

/** The slug of a new tenant is already taken. */
public class TenantExistsException extends RuntimeException {

    public TenantExistsException(String slug) {
        super("tenant " + slug + " exists already");
    }
}
