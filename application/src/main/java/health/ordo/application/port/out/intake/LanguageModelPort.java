package health.ordo.application.port.out.intake;

/**
 * A language model the deployment runs or trusts, asked for a document's summary in place of Ordo's local one. Off unless
 * the deployment configures one; what may be sent to it is decided by {@link health.ordo.domain.intake.OutboundText}.
 */
public interface LanguageModelPort {

    /** The model as recorded with each summary it wrote, e.g. {@code llm:gpt-4o-mini}. */
    String name();

    /** Whether the deployment allows documents that carry protected health information to be sent to it. */
    boolean phiAllowed();

    /** The most characters of a document sent. */
    int maxChars();

    /**
     * A short summary of the document for the person who works it.
     *
     * @param typeLabel what kind of document it is, e.g. "Supplier invoice"
     * @throws RuntimeException when the model cannot answer usably; the local summary then stands
     */
    String summarize(String text, String typeLabel);
}
