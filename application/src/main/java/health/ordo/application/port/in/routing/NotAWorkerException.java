package health.ordo.application.port.in.routing;

/** The caller has no worker profile (queues, skills, capacity) in the tenant. */
public final class NotAWorkerException extends RuntimeException {

    public NotAWorkerException(String login) {
        super(login + " is not set up as a worker: an admin adds the profile with PUT /api/v1/workers/" + login);
    }
}
