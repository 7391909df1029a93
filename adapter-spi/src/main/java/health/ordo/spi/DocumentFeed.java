package health.ordo.spi;

/**
 * A source whose work arrives as documents rather than records: a scan folder a fax server writes to, a payer portal's
 * downloads. An adapter offers one through {@link SourceAdapter#documents()}; on each sync Ordo hands the feed its document
 * intake, and the feed delivers every document that is ready. Intake stores, reads, classifies and routes each one exactly as
 * if it had been uploaded; the feed only decides what is ready and keeps what it delivered (never deletes it).
 */
public interface DocumentFeed {

    /** Ordo's document intake as a feed sees it. */
    @FunctionalInterface
    interface Intake {
        /**
         * Takes one document in.
         *
         * @param fileName the name the source gave it (kept for people; intake reads the type from the bytes)
         * @throws RuntimeException when intake refuses it (empty, too large, a type it does not read): the feed sets it
         *                          aside with the message and goes on with the next
         */
        Receipt take(String fileName, byte[] bytes);
    }

    /**
     * What became of a delivered document.
     *
     * @param document  the intake document's id
     * @param duplicate whether the same content had been taken before (nothing new was created)
     * @param status    the document's status after intake (e.g. {@code WORK_CREATED}, {@code IN_REVIEW}, {@code FAILED})
     * @param outcome   one line for the feed's own records: the type, confidence and the item it became
     */
    record Receipt(String document, boolean duplicate, String status, String outcome) {
    }

    /** What one delivery did: documents taken in and documents intake refused (set aside by the feed). */
    record Delivery(int taken, int refused) {
    }

    /**
     * Delivers every document that is ready.
     *
     * @throws SourceUnavailableException when the feed cannot be read at all (its folder is gone); nothing is lost
     */
    Delivery deliver(Intake intake);
}
