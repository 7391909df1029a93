package health.ordo.application.port.in.tenant;

/** No such tenant (or not one the caller may see). */
public class TenantNotFoundException extends RuntimeException {

    public TenantNotFoundException(String tenant) {
        super("no tenant " + tenant);
    }
}
