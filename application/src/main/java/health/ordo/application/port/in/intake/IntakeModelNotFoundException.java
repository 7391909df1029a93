package health.ordo.application.port.in.intake;

import health.ordo.application.port.in.NotFoundException;

/** The tenant's registry has no such classifier version. */
public final class IntakeModelNotFoundException extends NotFoundException {

    public IntakeModelNotFoundException(int version) {
        super("no document classifier v" + version + " in this tenant's registry");
    }
}
