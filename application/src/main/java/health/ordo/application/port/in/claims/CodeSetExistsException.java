package health.ordo.application.port.in.claims;

/** A code set of that version is loaded already (for the tenant, or for the deployment): a version never changes. */
public final class CodeSetExistsException extends RuntimeException {

    public CodeSetExistsException(String version) {
        super("code set version '" + version + "' is loaded already; a loaded version never changes, load the new list under a new version");
    }
}
