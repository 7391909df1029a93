package health.ordo.spi.claims;

/**
 * Reads one format of payer document (an X12 835 file, a FHIR ClaimResponse or Bundle) into the neutral payment model.
 * A claim that cannot be read is returned as {@link ClaimPayment.Status#UNREADABLE} and the others are kept.
 */
public interface RemittanceReader {

    /** The format's name as the inbound API and folders know it, e.g. {@code x12-835}, {@code fhir}. */
    String format();

    /** @throws health.ordo.spi.MalformedDocumentException when the document as a whole cannot be read, naming where */
    RemittanceAdvice read(byte[] document);

    /**
     * Reads the document claim by claim, handing each to {@code claims} in document order, so that a large file is never
     * held as claims all at once; answers the rest (its claims list empty). A document refused as a whole is refused
     * before any claim is handed on. The default reads the whole document first.
     *
     * @throws health.ordo.spi.MalformedDocumentException when the document as a whole cannot be read, naming where
     */
    default RemittanceAdvice stream(byte[] document, java.util.function.Consumer<ClaimPayment> claims) {
        RemittanceAdvice advice = read(document);
        advice.claims().forEach(claims);
        return new RemittanceAdvice(advice.documents(), java.util.List.of(), advice.warnings());
    }
}
