package health.ordo.spi;

import java.util.List;

/**
 * The document cannot be read at all; {@link #location()} says where (segment and position, JSON path), and
 * {@link #issues()} lists every place at fault when the reader found several.
 */
public class MalformedDocumentException extends RuntimeException {

    /** One place at fault and what is wrong there. */
    public record Issue(String location, String message) {
    }

    private final transient List<Issue> issues;

    public MalformedDocumentException(String location, String message) {
        this(message, List.of(new Issue(location, message)));
    }

    /** @param issues at least one; the message names the first */
    public MalformedDocumentException(List<Issue> issues) {
        this(issues.isEmpty() ? "the document cannot be read" : issues.get(0).location() + ": " + issues.get(0).message(), issues);
    }

    private MalformedDocumentException(String message, List<Issue> issues) {
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
