package health.ordo.application.port.in.workitem;

import java.util.List;

/**
 * An inbound document (an X12 file, a FHIR resource) cannot be read as a whole; {@link #location()} says where, and
 * {@link #issues()} lists every place at fault when the reader found several.
 */
public final class UnreadableDocumentException extends RuntimeException {

    /** One place at fault and what is wrong there. */
    public record Issue(String location, String message) {
    }

    private final transient List<Issue> issues;

    public UnreadableDocumentException(String location, String message) {
        this(message, List.of(new Issue(location, message)));
    }

    /** @param message what the document as a whole is refused for; {@code issues} at least one */
    public UnreadableDocumentException(String message, List<Issue> issues) {
        super(message);
        this.issues = List.copyOf(issues);
    }

    public String location() {
        return issues.isEmpty() ? "$" : issues.get(0).location();
    }

    public List<Issue> issues() {
        return issues;
    }
}
