package health.ordo.application.service.intake;

import health.ordo.application.port.in.intake.DocumentNotFoundException;
import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.application.port.in.intake.UnsupportedDocumentException;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.port.out.intake.DocumentTextPort;
import health.ordo.application.port.out.intake.IntakeDocumentPort;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.application.port.out.intake.LanguageModelPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.intake.Classification;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.ExtractedField;
import health.ordo.domain.intake.ExtractiveSummary;
import health.ordo.domain.intake.FieldExtractor;
import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.intake.IntakePolicy;
import health.ordo.domain.intake.OutboundText;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.IllegalTransitionException;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes documents in and carries each through its steps: stored (once per content hash), text read, classified, fields
 * extracted, summarised, then turned into work, filed, or sent to review. Each step's failure is recorded on the document,
 * which is never lost; {@link #reprocess} runs the steps again from the stored bytes.
 */
public final class DocumentIntakeService implements IntakeDocumentsUseCase {

    private static final Actor INTAKE = new Actor("ordo-intake", true);

    private final IntakeDocumentPort documents;
    private final DocumentTextPort reader;
    private final DocumentClassifier classifier;
    private final IntakeModelPort registry;
    private final IngestWorkItemUseCase ingest;
    private final ChangeWorkItemStatusUseCase lifecycle;
    private final TransactionPort transactions;
    private final ChangeTrailPort trail;
    private final AuditLogPort auditLog;
    private final Clock clock;
    private final long maxBytes;
    private final LanguageModelPort languageModel;
    private final FieldExtractor extractor = new FieldExtractor();
    private final ExtractiveSummary summaries = new ExtractiveSummary(3, 600);

    /** @param languageModel the deployment's language model for summaries; null: every summary is written locally */
    public DocumentIntakeService(IntakeDocumentPort documents, DocumentTextPort reader, DocumentClassifier classifier, IntakeModelPort registry,
                                 IngestWorkItemUseCase ingest, ChangeWorkItemStatusUseCase lifecycle, TransactionPort transactions,
                                 ChangeTrailPort trail, AuditLogPort auditLog, Clock clock, long maxBytes, LanguageModelPort languageModel) {
        this.documents = documents;
        this.reader = reader;
        this.classifier = classifier;
        this.registry = registry;
        this.ingest = ingest;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.trail = trail;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.languageModel = languageModel;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public Submitted submit(TenantId tenant, byte[] bytes, String fileName, String channel, Actor actor) {
        if (bytes == null || bytes.length == 0) {
            throw new UnsupportedDocumentException("the document is empty", false);
        }
        if (bytes.length > maxBytes) {
            throw new UnsupportedDocumentException("the document has " + bytes.length + " bytes; intake takes at most " + maxBytes, true);
        }
        String mediaType = reader.sniff(bytes);
        if (!reader.supports(mediaType)) {
            throw new UnsupportedDocumentException("the content is " + mediaType + ", which intake does not read: send a PDF, plain text, "
                    + "an e-mail (.eml), or a TIFF, PNG or JPEG image", false);
        }
        IntakeDocument fresh = new IntakeDocument(UUID.randomUUID(), tenant, sha256(bytes), clean(fileName), mediaType, bytes.length, channel,
                actor.name(), clock.instant());
        var known = transactions.inTransaction(tenant, () -> documents.insertIfAbsent(fresh, bytes));
        if (known.isPresent()) {
            return new Submitted(known.get(), true);
        }
        return new Submitted(process(fresh, bytes), false);
    }

    @Override
    public IntakeDocument get(TenantId tenant, UUID id) {
        return transactions.readOnly(tenant, () -> documents.find(tenant, id)).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
    }

    @Override
    public Content content(TenantId tenant, UUID id) {
        IntakeDocument document = get(tenant, id);
        byte[] bytes = transactions.readOnly(tenant, () -> documents.content(tenant, id)).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
        return new Content(bytes, document.mediaType(), document.fileName());
    }

    @Override
    public List<IntakeDocument> list(TenantId tenant, IntakeDocument.Status status, Instant before, int limit) {
        return transactions.readOnly(tenant, () -> documents.list(tenant, status, before, limit));
    }

    @Override
    public IntakeDocument reprocess(TenantId tenant, UUID id, Actor actor) {
        IntakeDocument document = get(tenant, id);
        InvalidValueException.require(document.status() != IntakeDocument.Status.REVIEWED, "status",
                "a person has reviewed this document; their word stands (review it again to change it)");
        byte[] bytes = transactions.readOnly(tenant, () -> documents.content(tenant, id)).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
        return process(document, bytes);
    }

    /**
     * Asks the deployment's language model for the summary, when one is configured and the document may go to it
     * ({@link OutboundText}); when it fails or answers nothing, the local summary stands.
     */
    private void summarizeWithModel(IntakeDocument document) {
        if (languageModel == null) {
            return;
        }
        OutboundText.of(document, languageModel.phiAllowed(), languageModel.maxChars()).ifPresent(text -> {
            try {
                String summary = languageModel.summarize(text, document.classification().type().label());
                if (summary != null && !summary.isBlank()) {
                    document.summarizedBy(languageModel.name(), summary.strip(), clock.instant());
                }
            } catch (RuntimeException e) {
                // the model is down or answered nonsense: the local summary stands (degraded, nothing lost)
            }
        });
    }

    /** Runs every step; a failing step is recorded on the document and stops the run, nothing else is undone. */
    private IntakeDocument process(IntakeDocument document, byte[] bytes) {
        TenantId tenant = document.tenant();
        try {
            DocumentTextPort.Text text = reader.read(bytes, document.mediaType());
            document.textRead(text.text(), text.source(), text.pages(), clock.instant());
        } catch (RuntimeException e) {
            return failed(document, "text", e);
        }
        String degradedBecause = null;
        try {
            if (document.hasText()) {
                DocumentClassifier.Classified classified = classifier.classify(tenant, document.text());
                degradedBecause = classified.degradedBecause();
                Classification c = classified.classification();
                document.classified(c, extractor.extract(c.type(), document.text()), summaries.summarize(document.text()), clock.instant());
                summarizeWithModel(document);
            }
        } catch (RuntimeException e) {
            return failed(document, "classification", e);
        }
        IntakePolicy.Outcome outcome;
        if (degradedBecause != null && document.hasText()) {
            outcome = new IntakePolicy.Outcome.Review(degradedBecause);
        } else {
            double threshold = transactions.readOnly(tenant, () -> registry.settings(tenant))
                    .threshold(document.classification() == null ? DocumentType.OTHER : document.classification().type());
            outcome = IntakePolicy.decide(document, threshold);
        }
        try {
            if (outcome instanceof IntakePolicy.Outcome.Work work) {
                document.workCreated(create(tenant, work.content(), document), clock.instant());
            } else if (outcome instanceof IntakePolicy.Outcome.Review review) {
                document.sentToReview(create(tenant, IntakePolicy.reviewContent(document, review.reason()), document), review.reason(),
                        clock.instant());
            } else {
                document.filed(clock.instant());
            }
        } catch (RuntimeException e) {
            return failed(document, "work", e);
        }
        transactions.inTransaction(tenant, () -> {
            documents.update(document);
            return null;
        });
        return document;
    }

    private IntakeDocument failed(IntakeDocument document, String step, RuntimeException e) {
        document.failed(step, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
        transactions.inTransaction(document.tenant(), () -> {
            documents.update(document);
            return null;
        });
        return document;
    }

    /** The item for the content: the one created now, or the one a previous run of the same document created. */
    private WorkItemId create(TenantId tenant, WorkItemContent content, IntakeDocument document) {
        IngestOutcome outcome = ingest.ingest(tenant, content, INTAKE, Provenance.inbound("intake:" + document.channel()));
        if (outcome instanceof IngestOutcome.Created created) {
            return created.item().id();
        }
        if (outcome instanceof IngestOutcome.Duplicate duplicate) {
            return duplicate.item().id();
        }
        if (outcome instanceof IngestOutcome.Conflict conflict) {
            return conflict.existing().id();
        }
        IngestOutcome.Rejected rejected = (IngestOutcome.Rejected) outcome;
        throw new InvalidValueException(rejected.field(), rejected.reason());
    }

    @Override
    public IntakeDocument review(TenantId tenant, UUID id, DocumentType type, Map<String, String> fields, Actor reviewer) {
        InvalidValueException.require(type != null, "type", "type is required: one of " + java.util.Arrays.toString(DocumentType.values()));
        IntakeDocument document = get(tenant, id);
        InvalidValueException.require(document.status() != IntakeDocument.Status.RECEIVED, "status",
                "the document is still being read; review it once it is classified");
        List<ExtractedField> merged = merge(document.fields(), fields == null ? Map.of() : fields);
        IntakeDocument probe = IntakeDocument.restore(document.id(), tenant, document.sha256(), document.fileName(), document.mediaType(),
                document.size(), document.channel(), document.receivedBy(), document.receivedAt(), document.status(), document.text(),
                document.textSource(), document.pages(), document.classification(), merged, document.summary(), document.summaryBy(), document.workItem(),
                document.reviewItem(), document.reviewReason(), document.failure(), null, null, null, document.automatic(),
                document.corrected(), document.updatedAt());
        IntakePolicy.Outcome outcome = IntakePolicy.forType(probe, type);
        WorkItemId previousWork = document.workItem();
        WorkItemId work = previousWork;
        if (outcome instanceof IntakePolicy.Outcome.Work w) {
            WorkItemContent content = w.content();
            boolean sameAsBefore = previousWork != null && document.type() == type;
            if (!sameAsBefore) {
                // keyed by the reviewed type: a document re-typed by a person is new work, not a conflict with the old item
                content = new WorkItemContent(content.type(), new SourceReference(IntakePolicy.SOURCE_SYSTEM, id + ":" + type.name()),
                        content.title(), content.moneyAtStake(), content.dueAt(), content.hardDeadlineAt(), content.attributes(), content.queue());
                work = create(tenant, content, document);
            }
        } else {
            work = null;
        }
        WorkItemId finalWork = work;
        IntakeDocument reviewed = transactions.inTransaction(tenant, () -> {
            IntakeDocument locked = documents.lock(tenant, id).orElseThrow(() -> new DocumentNotFoundException(id.toString()));
            Map<String, String> before = auditable(locked);
            locked.reviewed(type, merged, finalWork, reviewer.name(), clock.instant());
            documents.update(locked);
            if (locked.text() != null && !locked.text().isBlank()) {
                registry.saveLabel(tenant, id, type, locked.corrected(), locked.text(), reviewer.name(), clock.instant());
            }
            trail.changed("intake-documents", id.toString(), before, auditable(locked)).ifPresent(auditLog::append);
            return locked;
        });
        close(tenant, document.reviewItem(), "REVIEWED", reviewer);
        if (previousWork != null && !previousWork.equals(finalWork)) {
            cancel(tenant, previousWork, "document re-classified as " + type + " by " + reviewer.name(), reviewer);
        }
        return reviewed;
    }

    private static Map<String, String> auditable(IntakeDocument d) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", d.status().name());
        if (d.type() != null) {
            fields.put("type", d.type().name());
        }
        if (d.classification() != null) {
            fields.put("model", d.classification().model());
        }
        fields.put("workItem", d.workItem() == null ? "" : d.workItem().value().toString());
        return fields;
    }

    /** What was read, with the reviewer's values in place of (or beside) it; a value the reviewer cleared is dropped. */
    private static List<ExtractedField> merge(List<ExtractedField> read, Map<String, String> given) {
        Map<DocumentType.Field, ExtractedField> merged = new EnumMap<>(DocumentType.Field.class);
        for (ExtractedField f : read) {
            merged.putIfAbsent(f.field(), f);
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            DocumentType.Field field = DocumentType.Field.byKey(e.getKey())
                    .orElseThrow(() -> new InvalidValueException("fields." + e.getKey(), "no field " + e.getKey() + "; known: "
                            + java.util.Arrays.stream(DocumentType.Field.values()).map(DocumentType.Field::key).toList()));
            if (e.getValue() == null || e.getValue().isBlank()) {
                merged.remove(field);
            } else {
                merged.put(field, ExtractedField.confirmed(field, checked(field, e.getValue().strip())));
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** A reviewer's value in the form the field needs: dates ISO, amounts decimal, NPIs with a valid check digit. */
    private static String checked(DocumentType.Field field, String value) {
        String name = "fields." + field.key();
        switch (field) {
            case SERVICE_DATE_FROM, SERVICE_DATE_TO, APPEAL_DEADLINE, RESPONSE_DUE, EXPIRY_DATE -> {
                try {
                    return java.time.LocalDate.parse(value).toString();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidValueException(name, name + " must be a date like 2026-03-14");
                }
            }
            case BILLED_AMOUNT, PAID_AMOUNT -> {
                try {
                    java.math.BigDecimal amount = new java.math.BigDecimal(value.replace(",", "").replace("$", ""));
                    InvalidValueException.require(amount.signum() >= 0, name, name + " must not be negative");
                    return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(name, name + " must be an amount like 1234.50");
                }
            }
            case NPI -> {
                InvalidValueException.require(health.ordo.domain.intake.Npi.isValid(value), name,
                        name + " must be 10 digits with a valid check digit");
                return value;
            }
            default -> {
                InvalidValueException.require(value.length() <= 200, name, name + " is longer than 200 characters");
                return value;
            }
        }
    }

    /** Completes the review item on the reviewer's behalf, from whatever open state it is in. */
    private void close(TenantId tenant, WorkItemId item, String resolution, Actor reviewer) {
        if (item == null) {
            return;
        }
        Actor actor = new Actor(reviewer.name(), true);
        for (int step = 0; step < 4; step++) {
            try {
                lifecycle.apply(tenant, item, LifecycleAction.COMPLETE, resolution, actor);
                return;
            } catch (IllegalTransitionException e) {
                LifecycleAction next = switch (e.currentStatus()) {
                    case READY -> LifecycleAction.CLAIM;
                    case CLAIMED -> LifecycleAction.START;
                    case ON_HOLD -> LifecycleAction.RESUME;
                    default -> null;
                };
                if (next == null) {
                    return; // completed or cancelled already: nothing to close
                }
                lifecycle.apply(tenant, item, next, null, actor);
            }
        }
    }

    private void cancel(TenantId tenant, WorkItemId item, String reason, Actor reviewer) {
        try {
            lifecycle.apply(tenant, item, LifecycleAction.CANCEL, reason, new Actor(reviewer.name(), true));
        } catch (IllegalTransitionException e) {
            // already closed: the person working it finished first
        }
    }

    private static String clean(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
