package health.ordo.application.port.in.priority;

/** The tenant has no such job. */
public final class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String id) {
        super("no job " + id);
    }
}
