package health.ordo.application.port.out.intake;

import health.ordo.domain.intake.IntakeDocument;

/** Reads documents: what a file is, from its bytes, and its text (OCR where a scan has none and the node can). */
public interface DocumentTextPort {

    /** The media type sniffed from the bytes alone (never the file name), e.g. {@code application/pdf}. */
    String sniff(byte[] bytes);

    /** Whether intake reads documents of this media type at all. */
    boolean supports(String mediaType);

    /**
     * The document's text.
     *
     * @throws UnreadableDocumentException when the bytes are not a readable document of that type (a damaged PDF)
     */
    Text read(byte[] bytes, String mediaType);

    /** Text read from a document; {@code note} says what could not be read (an attachment of an unknown type), or null. */
    record Text(String text, IntakeDocument.TextSource source, int pages, String note) {
    }

    /** The document could not be read at all. */
    final class UnreadableDocumentException extends RuntimeException {
        public UnreadableDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
