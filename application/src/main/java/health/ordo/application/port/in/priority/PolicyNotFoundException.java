package health.ordo.application.port.in.priority;

import health.ordo.application.port.in.NotFoundException;

/** The tenant has no such policy version. */
public final class PolicyNotFoundException extends NotFoundException {

    public PolicyNotFoundException(String policyId, int version) {
        super("no priority policy " + policyId + " version " + version);
    }
}
