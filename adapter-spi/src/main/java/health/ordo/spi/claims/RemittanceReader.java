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
}
