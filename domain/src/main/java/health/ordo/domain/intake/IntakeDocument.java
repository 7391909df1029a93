package health.ordo.domain.intake;

import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A document taken in: its bytes are stored once per tenant and content hash, and the document is never deleted by a
 * failure of any later step; the failure is recorded on it instead.
 */
public final class IntakeDocument {

    /** Where a document is in intake. */
    public enum Status {
        /** Stored; text not read yet (or reading it failed and will be retried). */
        RECEIVED,
        /** Classified with enough confidence and turned into the work item of its type. */
        WORK_CREATED,
        /** Classified with enough confidence as a kind that needs no work (other correspondence): filed. */
        FILED,
        /** Waiting for a person: low confidence, no text, degraded classifier, or a value that failed its check. */
        IN_REVIEW,
        /** A person confirmed or corrected it. */
        REVIEWED,
        /** A step failed; {@link #failure()} says which and why. The document is kept. */
        FAILED
    }

    /** How the text was obtained. */
    public enum TextSource { TEXT_LAYER, OCR, PLAIN, EMAIL, NONE }

    private final UUID id;
    private final TenantId tenant;
    private final String sha256;
    private final String fileName;
    private final String mediaType;
    private final long size;
    private final String channel;
    private final String receivedBy;
    private final Instant receivedAt;
    private Status status;
    private String text;
    private TextSource textSource;
    private int pages;
    private Classification classification;
    private List<ExtractedField> fields;
    private String summary;
    private String summaryBy;
    private WorkItemId workItem;
    private WorkItemId reviewItem;
    private String reviewReason;
    private String failure;
    private DocumentType reviewedType;
    private String reviewedBy;
    private Instant reviewedAt;
    private boolean automatic;
    private boolean corrected;
    private Instant updatedAt;

    public IntakeDocument(UUID id, TenantId tenant, String sha256, String fileName, String mediaType, long size, String channel,
                          String receivedBy, Instant receivedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.fileName = fileName;
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.size = size;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.receivedBy = Objects.requireNonNull(receivedBy, "receivedBy");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.status = Status.RECEIVED;
        this.fields = List.of();
        this.updatedAt = receivedAt;
    }

    /** Rebuilds a stored document. */
    public static IntakeDocument restore(UUID id, TenantId tenant, String sha256, String fileName, String mediaType, long size, String channel,
                                         String receivedBy, Instant receivedAt, Status status, String text, TextSource textSource, int pages,
                                         Classification classification, List<ExtractedField> fields, String summary, String summaryBy, WorkItemId workItem,
                                         WorkItemId reviewItem, String reviewReason, String failure, DocumentType reviewedType, String reviewedBy,
                                         Instant reviewedAt, boolean automatic, boolean corrected, Instant updatedAt) {
        IntakeDocument d = new IntakeDocument(id, tenant, sha256, fileName, mediaType, size, channel, receivedBy, receivedAt);
        d.status = status;
        d.text = text;
        d.textSource = textSource;
        d.pages = pages;
        d.classification = classification;
        d.fields = fields == null ? List.of() : List.copyOf(fields);
        d.summary = summary;
        d.summaryBy = summaryBy;
        d.workItem = workItem;
        d.reviewItem = reviewItem;
        d.reviewReason = reviewReason;
        d.failure = failure;
        d.reviewedType = reviewedType;
        d.reviewedBy = reviewedBy;
        d.reviewedAt = reviewedAt;
        d.automatic = automatic;
        d.corrected = corrected;
        d.updatedAt = updatedAt;
        return d;
    }

    /** The text was read (possibly none: a scan without OCR). */
    public void textRead(String text, TextSource source, int pages, Instant now) {
        // a NUL is never text, and PostgreSQL refuses it in a text column
        this.text = text == null ? "" : text.replace("\u0000", "");
        this.textSource = Objects.requireNonNull(source, "source");
        this.pages = pages;
        this.failure = null;
        this.updatedAt = now;
    }

    /** Whether there is text worth classifying: a page of scan noise is not. */
    public boolean hasText() {
        return text != null && text.codePoints().filter(Character::isLetter).count() >= 20;
    }

    /** Classified, its fields read and summarised locally. */
    public void classified(Classification classification, List<ExtractedField> fields, String summary, Instant now) {
        this.classification = Objects.requireNonNull(classification, "classification");
        this.fields = List.copyOf(fields);
        this.summary = summary;
        this.summaryBy = null;
        this.updatedAt = now;
    }

    /** The deployment's language model wrote the summary, in place of the local one. */
    public void summarizedBy(String model, String summary, Instant now) {
        this.summary = Objects.requireNonNull(summary, "summary");
        this.summaryBy = Objects.requireNonNull(model, "model");
        this.updatedAt = now;
    }

    /** Became work without a person: the classification was confident and a model gave it. */
    public void workCreated(WorkItemId item, Instant now) {
        this.workItem = Objects.requireNonNull(item, "item");
        this.automatic = true;
        this.status = Status.WORK_CREATED;
        this.reviewReason = null;
        this.failure = null;
        this.updatedAt = now;
    }

    /** Filed without a person: confident, and of a kind that needs no work. */
    public void filed(Instant now) {
        this.automatic = true;
        this.status = Status.FILED;
        this.reviewReason = null;
        this.failure = null;
        this.updatedAt = now;
    }

    public void sentToReview(WorkItemId reviewItem, String reason, Instant now) {
        this.reviewItem = Objects.requireNonNull(reviewItem, "reviewItem");
        this.reviewReason = Objects.requireNonNull(reason, "reason");
        this.status = Status.IN_REVIEW;
        this.failure = null;
        this.updatedAt = now;
    }

    /**
     * A person confirmed or corrected type and fields; {@code work} is the item it became, if any. A different type than the
     * classifier's counts as a correction (acceptance monitoring counts the automatic decisions later corrected).
     */
    public void reviewed(DocumentType type, List<ExtractedField> fields, WorkItemId work, String reviewer, Instant now) {
        this.reviewedType = Objects.requireNonNull(type, "type");
        this.corrected = classification == null || classification.type() != type;
        this.fields = List.copyOf(fields);
        this.workItem = work;
        this.reviewedBy = Objects.requireNonNull(reviewer, "reviewer");
        this.reviewedAt = now;
        this.status = Status.REVIEWED;
        this.updatedAt = now;
    }

    /** A step failed; the document stays, with the failure on it, for a retry or a person. */
    public void failed(String step, String reason, Instant now) {
        this.failure = step + ": " + (reason == null ? "failed" : reason);
        this.status = Status.FAILED;
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public TenantId tenant() { return tenant; }
    public String sha256() { return sha256; }
    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    public long size() { return size; }
    public String channel() { return channel; }
    public String receivedBy() { return receivedBy; }
    public Instant receivedAt() { return receivedAt; }
    public Status status() { return status; }
    public String text() { return text; }
    public TextSource textSource() { return textSource; }
    public int pages() { return pages; }
    public Classification classification() { return classification; }
    public List<ExtractedField> fields() { return fields; }
    public String summary() { return summary; }
    /** The language model that wrote the summary; null when Ordo summarised locally. */
    public String summaryBy() { return summaryBy; }
    public WorkItemId workItem() { return workItem; }
    public WorkItemId reviewItem() { return reviewItem; }
    public String reviewReason() { return reviewReason; }
    public String failure() { return failure; }
    /** The type a person gave it, or null before a review; the classifier's own answer stays in {@link #classification()}. */
    public DocumentType reviewedType() { return reviewedType; }

    /** The type the document is taken for: the reviewer's, else the classifier's, else none. */
    public DocumentType type() {
        return reviewedType != null ? reviewedType : classification == null ? null : classification.type();
    }

    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
    /** Whether intake decided it without a person (work created or filed automatically), even if a person later corrected it. */
    public boolean automatic() { return automatic; }
    public boolean corrected() { return corrected; }
    public Instant updatedAt() { return updatedAt; }
}
