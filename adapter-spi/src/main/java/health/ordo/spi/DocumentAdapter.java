package health.ordo.spi;

/** A source that pushes documents (an X12 835 file, a FHIR Bundle) rather than being pulled. */
public interface DocumentAdapter {

    String system();

    /**
     * Maps one document; good records become commands, bad ones rejections with their location in the document.
     *
     * @throws MalformedDocumentException when the document as a whole cannot be read (a broken envelope)
     */
    PullResult accept(byte[] document, String mediaType);
}
