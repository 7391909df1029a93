package health.ordo.application.port.in.tenant;

import health.ordo.application.port.in.NotFoundException;

/** No such tenant (or not one the caller may see). */
public class TenantNotFoundException extends NotFoundException {

    public TenantNotFoundException(String tenant) {
        super("no tenant " + tenant);
    }
}
