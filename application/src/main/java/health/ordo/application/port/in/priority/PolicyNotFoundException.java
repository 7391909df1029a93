package health.ordo.application.port.in.priority;

/** The tenant has no such policy version. */
public final class PolicyNotFoundException extends RuntimeException {

    public PolicyNotFoundException(String policyId, int version) {
        super("no priority policy " + policyId + " version " + version);
    }
}
