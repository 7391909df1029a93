package health.ordo.domain.intake;

import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a classified document becomes: the work item of its type when the classifier was sure enough (the tenant's
 * threshold for that type) and a trained model answered; filed when it is correspondence that needs no work; otherwise a
 * review by a person, with the reason.
 */
public final class IntakePolicy {

    /** The source system of the work items made from documents; the document id is the external id. */
    public static final String SOURCE_SYSTEM = "ordo-intake";
    /** The source system of review items. */
    public static final String REVIEW_SOURCE_SYSTEM = "ordo-intake-review";

    /**
     * Adjustments that are part of ordinary adjudication (deductible, coinsurance, co-payment, prior payer, contractual,
     * fee schedule, sequestration): a remittance with only these is a payment statement, not a denial to work.
     */
    private static final Set<String> ROUTINE_ADJUSTMENTS = Set.of("1", "2", "3", "23", "24", "42", "45", "59", "66", "94", "100", "104",
            "118", "122", "131", "144", "253", "A2");

    /** What to do with a document. */
    public sealed interface Outcome {
        record Work(WorkItemContent content) implements Outcome {
        }

        record File(String reason) implements Outcome {
        }

        record Review(String reason) implements Outcome {
        }
    }

    private IntakePolicy() {
    }

    /** Decides from the document's text, classification and fields; {@code threshold} is the tenant's for the document's type. */
    public static Outcome decide(IntakeDocument document, double threshold) {
        Classification c = document.classification();
        if (!document.hasText()) {
            return new Outcome.Review("no text could be read (a scan without a text layer, and no OCR on this node)");
        }
        if (c == null) {
            return new Outcome.Review("not classified");
        }
        if (c.degraded()) {
            return new Outcome.Review("classified by keywords while no model was available (degraded mode)");
        }
        if (c.confidence() < threshold) {
            return new Outcome.Review(String.format(Locale.ROOT, "confidence %.2f for %s is below the threshold %.2f", c.confidence(), c.type(),
                    threshold));
        }
        return forType(document, c.type());
    }

    /** What a document of the given type (a confident classification, or a reviewer's word) becomes. */
    public static Outcome forType(IntakeDocument document, DocumentType type) {
        Optional<WorkItemType> work = type.work();
        if (work.isEmpty()) {
            return new Outcome.File("other correspondence: filed, no work");
        }
        Map<DocumentType.Field, ExtractedField> fields = valid(document);
        if (type == DocumentType.EXPLANATION_OF_BENEFITS && !hasDenial(fields.get(DocumentType.Field.CARC_CODES))) {
            return new Outcome.File("a payment statement without a denial code: filed, no work");
        }
        return new Outcome.Work(content(document, type, work.get(), fields));
    }

    /** The review item of a document that a person has to look at. */
    public static WorkItemContent reviewContent(IntakeDocument document, String reason) {
        Classification c = document.classification();
        String suggestion = c == null ? "unclassified document" : c.type().label().toLowerCase(Locale.ROOT);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("documentId", document.id().toString());
        attributes.put("reviewReason", reason.length() > 500 ? reason.substring(0, 500) : reason);
        if (c != null) {
            attributes.put("suggestedType", c.type().name());
            attributes.put("confidence", BigDecimal.valueOf(c.confidence()).setScale(3, java.math.RoundingMode.HALF_UP));
            attributes.put("model", c.model());
            attributes.put("degraded", c.degraded());
        }
        return new WorkItemContent(WorkItemType.DOCUMENT_REVIEW, new SourceReference(REVIEW_SOURCE_SYSTEM, document.id().toString()),
                "Review document: " + suggestion + "?", null, null, null, Attributes.of(attributes), null);
    }

    private static Map<DocumentType.Field, ExtractedField> valid(IntakeDocument document) {
        Map<DocumentType.Field, ExtractedField> valid = new LinkedHashMap<>();
        for (ExtractedField f : document.fields()) {
            if (f.valid()) {
                valid.putIfAbsent(f.field(), f);
            }
        }
        return valid;
    }

    private static boolean hasDenial(ExtractedField carc) {
        if (carc == null) {
            return false;
        }
        for (String code : carc.value().split(",")) {
            if (!code.isBlank() && !ROUTINE_ADJUSTMENTS.contains(code.strip().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static WorkItemContent content(IntakeDocument document, DocumentType type, WorkItemType work,
                                           Map<DocumentType.Field, ExtractedField> fields) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("documentId", document.id().toString());
        attributes.put("documentType", type.name());
        Classification c = document.classification();
        if (c != null) {
            attributes.put("classificationConfidence", BigDecimal.valueOf(c.confidence()).setScale(3, java.math.RoundingMode.HALF_UP));
            attributes.put("classificationModel", c.model());
        }
        for (ExtractedField f : fields.values()) {
            attributes.put(f.field().key(), f.value());
        }
        ExtractedField carc = fields.get(DocumentType.Field.CARC_CODES);
        if (carc != null) {
            attributes.put("carc", carc.value().split(",")[0].strip());
        }
        String counterpart = text(fields, DocumentType.Field.PAYER);
        if (counterpart == null) {
            counterpart = text(fields, DocumentType.Field.SUPPLIER);
        }
        String reference = text(fields, DocumentType.Field.CLAIM_NUMBER);
        if (reference == null) {
            reference = text(fields, DocumentType.Field.INVOICE_NUMBER);
        }
        if (reference == null) {
            reference = text(fields, DocumentType.Field.AUTHORIZATION_NUMBER);
        }
        String title = type.label() + (counterpart == null ? "" : " from " + counterpart) + (reference == null ? "" : " (" + reference + ")");
        Instant deadline = deadline(fields);
        return new WorkItemContent(work, new SourceReference(SOURCE_SYSTEM, document.id().toString()),
                title.length() > 300 ? title.substring(0, 300) : title, money(type, fields), null, deadline, Attributes.of(attributes), null);
    }

    private static Instant deadline(Map<DocumentType.Field, ExtractedField> fields) {
        for (DocumentType.Field field : new DocumentType.Field[] {DocumentType.Field.APPEAL_DEADLINE, DocumentType.Field.RESPONSE_DUE,
                DocumentType.Field.EXPIRY_DATE}) {
            String value = text(fields, field);
            if (value != null) {
                // the whole day is available: the deadline is the end of it
                return LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
        return null;
    }

    /** The denied part of a claim (billed less paid), an invoice's total; none for work without money. */
    private static Money money(DocumentType type, Map<DocumentType.Field, ExtractedField> fields) {
        String billed = text(fields, DocumentType.Field.BILLED_AMOUNT);
        if (billed == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(billed);
        String paid = text(fields, DocumentType.Field.PAID_AMOUNT);
        if (paid != null && type != DocumentType.SUPPLIER_INVOICE) {
            amount = amount.subtract(new BigDecimal(paid)).max(BigDecimal.ZERO);
        }
        return new Money(amount, "USD");
    }

    private static String text(Map<DocumentType.Field, ExtractedField> fields, DocumentType.Field field) {
        ExtractedField f = fields.get(field);
        return f == null || f.value().isBlank() ? null : f.value();
    }
}
