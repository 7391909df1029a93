package health.ordo.application.service.intake;

import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.application.port.in.intake.IntakeModelNotFoundException;
import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.port.out.intake.DocumentModelPort;
import health.ordo.application.port.out.intake.IntakeDocumentPort;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.application.port.out.intake.TrainingCorpusPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.intake.Classification;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.intake.IntakeSettings;
import health.ordo.domain.intake.LabelledText;
import health.ordo.domain.intake.ModelEvaluation;
import health.ordo.domain.intake.PopulationStability;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's classifier registry: candidates trained from the shipped corpus plus the tenant's labels and measured on
 * the held-out split, activation held for a second person, rollback, settings, and week-over-week monitoring.
 */
public final class IntakeModelService implements IntakeModelsUseCase {

    /** A population stability index above this is drift (the usual reading: above 0.25 is a significant shift). */
    public static final double DRIFT_THRESHOLD = 0.25;
    /** Drift is judged only when both weeks saw at least this many model classifications. */
    public static final int DRIFT_MINIMUM = 20;
    /** The {@code alert} attribute of a drift alert item (its creation is published as an IntakeModelDriftDetected event). */
    public static final String DRIFT_ALERT = "INTAKE_MODEL_DRIFT";

    private final IntakeModelPort registry;
    private final DocumentModelPort models;
    private final TrainingCorpusPort corpus;
    private final DocumentClassifier classifier;
    private final IntakeDocumentPort documents;
    private final IntakeDocumentsUseCase intake;
    private final ApprovalGate gate;
    private final IngestWorkItemUseCase ingest;
    private final TransactionPort transactions;
    private final ChangeTrailPort trail;
    private final AuditLogPort auditLog;
    private final Clock clock;

    public IntakeModelService(IntakeModelPort registry, DocumentModelPort models, TrainingCorpusPort corpus, DocumentClassifier classifier,
                              IntakeDocumentPort documents, IntakeDocumentsUseCase intake, ApprovalGate gate, IngestWorkItemUseCase ingest, TransactionPort transactions,
                              ChangeTrailPort trail, AuditLogPort auditLog, Clock clock) {
        this.registry = registry;
        this.models = models;
        this.corpus = corpus;
        this.classifier = classifier;
        this.documents = documents;
        this.intake = intake;
        this.gate = gate;
        this.ingest = ingest;
        this.transactions = transactions;
        this.trail = trail;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public List<IntakeModel> models(TenantId tenant) {
        List<IntakeModel> stored = transactions.readOnly(tenant, () -> registry.models(tenant));
        if (stored.stream().anyMatch(m -> m.version() == IntakeModel.BUNDLED)) {
            return stored;
        }
        List<IntakeModel> all = new ArrayList<>(stored);
        boolean anyActive = stored.stream().anyMatch(m -> m.status() == IntakeModel.Status.ACTIVE);
        all.add(bundled(tenant, anyActive ? IntakeModel.Status.RETIRED : IntakeModel.Status.ACTIVE));
        return all;
    }

    @Override
    public IntakeModel model(TenantId tenant, int version) {
        return models(tenant).stream().filter(m -> m.version() == version).findFirst()
                .orElseThrow(() -> new IntakeModelNotFoundException(version));
    }

    private IntakeModel bundled(TenantId tenant, IntakeModel.Status status) {
        return new IntakeModel(tenant, IntakeModel.BUNDLED, status, snapshot(corpus.training()), corpus.training().size(), 0,
                classifier.bundledEvaluation(), "ordo", null, status == IntakeModel.Status.ACTIVE ? "ordo" : null, null);
    }

    @Override
    public IntakeModel train(TenantId tenant, Actor actor) {
        List<LabelledText> labels = transactions.readOnly(tenant, () -> registry.labels(tenant));
        List<LabelledText> examples = new ArrayList<>(corpus.training());
        examples.addAll(labels);
        byte[] bytes = models.train(examples);
        ModelEvaluation evaluation = ModelEvaluation.of(corpus.heldOut(),
                text -> Classification.of(models.classify(bytes, text), "candidate", false));
        return transactions.inTransaction(tenant, () -> {
            ensureBundledRow(tenant);
            int version = registry.latestVersion(tenant) + 1;
            IntakeModel candidate = new IntakeModel(tenant, version, IntakeModel.Status.CANDIDATE, snapshot(examples), examples.size(),
                    labels.size(), evaluation, actor.name(), clock.instant(), null, null);
            registry.insertModel(candidate, bytes);
            audit("v" + version, Map.of(), Map.of("status", "CANDIDATE", "macroF1", format(evaluation.macroF1()),
                    "labels", Integer.toString(labels.size())));
            return candidate;
        });
    }

    /** The registry keeps the bundled version as a row once the tenant trains, so the history of what was active is complete. */
    private void ensureBundledRow(TenantId tenant) {
        if (registry.model(tenant, IntakeModel.BUNDLED).isEmpty()) {
            boolean anyActive = registry.models(tenant).stream().anyMatch(m -> m.status() == IntakeModel.Status.ACTIVE);
            registry.insertModel(bundled(tenant, anyActive ? IntakeModel.Status.RETIRED : IntakeModel.Status.ACTIVE), null);
        }
    }

    @Override
    public IntakeModel activate(TenantId tenant, int version, Actor actor) {
        IntakeModel target = model(tenant, version);
        InvalidValueException.require(target.status() != IntakeModel.Status.ACTIVE, "version", "v" + version + " is already active");
        IntakeModel active = model(tenant, classifier.activeVersion(tenant));
        String summary = String.format(Locale.ROOT,
                "activate document classifier v%d (macro-F1 %.3f, accuracy %.3f, calibration error %.3f on %d held-out documents) in place of "
                        + "v%d (macro-F1 %.3f, accuracy %.3f, calibration error %.3f on the same set)", version,
                target.evaluation().macroF1(), target.evaluation().accuracy(), target.evaluation().expectedCalibrationError(),
                target.evaluation().documents(), active.version(), active.evaluation().macroF1(), active.evaluation().accuracy(),
                active.evaluation().expectedCalibrationError());
        throw gate.hold(tenant, ApprovalKind.INTAKE_MODEL_ACTIVATION, "document classifier v" + version, summary,
                Map.of("version", Integer.toString(version)), actor.name());
    }

    @Override
    public IntakeModel activateApproved(TenantId tenant, int version, String requestedBy, String approvedBy) {
        IntakeModel activated = transactions.inTransaction(tenant, () -> switchTo(tenant, version, approvedBy));
        reclassifyDegraded(tenant);
        return activated;
    }

    private IntakeModel switchTo(TenantId tenant, int version, String by) {
        ensureBundledRow(tenant);
        IntakeModel target = registry.model(tenant, version).orElseThrow(() -> new IntakeModelNotFoundException(version));
        Instant now = clock.instant();
        for (IntakeModel m : registry.models(tenant)) {
            if (m.status() == IntakeModel.Status.ACTIVE && m.version() != version) {
                registry.updateModel(m.withStatus(IntakeModel.Status.RETIRED, by, now));
            }
        }
        IntakeModel active = target.withStatus(IntakeModel.Status.ACTIVE, by, now);
        registry.updateModel(active);
        audit("v" + version, Map.of("status", target.status().name()), Map.of("status", "ACTIVE", "by", by));
        return active;
    }

    @Override
    public IntakeModel rollback(TenantId tenant, Actor actor) {
        IntakeModel previous = transactions.inTransaction(tenant, () -> {
            ensureBundledRow(tenant);
            int current = classifier.activeVersion(tenant);
            IntakeModel before = registry.models(tenant).stream()
                    .filter(m -> m.status() == IntakeModel.Status.RETIRED && m.version() != current)
                    .max(Comparator.comparing((IntakeModel m) -> m.activatedAt() == null ? Instant.EPOCH : m.activatedAt())
                            .thenComparing(m -> -m.version()))
                    .orElseThrow(() -> new InvalidValueException("version", "no earlier active version to roll back to"));
            return switchTo(tenant, before.version(), actor.name());
        });
        reclassifyDegraded(tenant);
        return previous;
    }

    @Override
    public IntakeSettings settings(TenantId tenant) {
        return transactions.readOnly(tenant, () -> registry.settings(tenant));
    }

    @Override
    public IntakeSettings updateSettings(TenantId tenant, IntakeSettings settings, Actor actor) {
        IntakeSettings before = settings(tenant);
        transactions.inTransaction(tenant, () -> {
            registry.saveSettings(tenant, settings);
            trail.changed("intake-settings", tenant.value(), describe(before), describe(settings)).ifPresent(auditLog::append);
            return null;
        });
        if (!before.modelEnabled() && settings.modelEnabled()) {
            reclassifyDegraded(tenant);
        }
        return settings;
    }

    private static Map<String, String> describe(IntakeSettings s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("modelEnabled", Boolean.toString(s.modelEnabled()));
        fields.put("defaultThreshold", format(s.defaultThreshold()));
        s.thresholds().forEach((type, value) -> fields.put("threshold." + type.name(), format(value)));
        return fields;
    }

    @Override
    public Map<String, ModelEvaluation> compare(TenantId tenant, int version) {
        Map<String, ModelEvaluation> figures = new LinkedHashMap<>();
        IntakeModel active = model(tenant, classifier.activeVersion(tenant));
        figures.put("active:v" + active.version(), active.evaluation());
        if (version != active.version()) {
            figures.put("candidate:v" + version, model(tenant, version).evaluation());
        }
        return figures;
    }

    @Override
    public Monitoring monitoring(TenantId tenant) {
        Instant now = clock.instant();
        Instant weekAgo = now.minus(Duration.ofDays(7));
        Instant twoWeeksAgo = now.minus(Duration.ofDays(14));
        return transactions.readOnly(tenant, () -> {
            Map<String, Long> mixNow = registry.typeMix(tenant, weekAgo, now);
            Map<String, Long> mixBefore = registry.typeMix(tenant, twoWeeksAgo, weekAgo);
            Map<String, Long> confidenceNow = registry.confidenceBins(tenant, weekAgo, now);
            Map<String, Long> confidenceBefore = registry.confidenceBins(tenant, twoWeeksAgo, weekAgo);
            long[] acceptance = registry.acceptance(tenant, weekAgo, now);
            long automatic = acceptance[0];
            long corrected = acceptance[1];
            double mixPsi = PopulationStability.index(mixBefore, mixNow);
            double confidencePsi = PopulationStability.index(confidenceBefore, confidenceNow);
            boolean enough = total(mixNow) >= DRIFT_MINIMUM && total(mixBefore) >= DRIFT_MINIMUM;
            return new Monitoring(automatic == 0 ? null : (double) (automatic - corrected) / automatic, automatic, corrected, mixNow, mixBefore,
                    confidenceNow, confidenceBefore, mixPsi, confidencePsi, DRIFT_THRESHOLD,
                    enough && (mixPsi > DRIFT_THRESHOLD || confidencePsi > DRIFT_THRESHOLD));
        });
    }

    @Override
    public Monitoring checkDrift(TenantId tenant) {
        Monitoring monitoring = monitoring(tenant);
        if (monitoring.drifted()) {
            // one alert per tenant and ISO week: the source reference makes a second check of the same week a duplicate
            java.time.LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            String week = String.format(Locale.ROOT, "%d-W%02d", today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("alert", DRIFT_ALERT);
            attributes.put("typeMixPsi", java.math.BigDecimal.valueOf(monitoring.typeMixPsi()).setScale(3, java.math.RoundingMode.HALF_UP));
            attributes.put("confidencePsi", java.math.BigDecimal.valueOf(monitoring.confidencePsi()).setScale(3, java.math.RoundingMode.HALF_UP));
            attributes.put("threshold", java.math.BigDecimal.valueOf(DRIFT_THRESHOLD));
            attributes.put("week", week);
            String title = String.format(Locale.ROOT, "Document classifier drift in %s: type mix PSI %.2f, confidence PSI %.2f (threshold %.2f)",
                    week, monitoring.typeMixPsi(), monitoring.confidencePsi(), DRIFT_THRESHOLD);
            ingest.ingest(tenant, new WorkItemContent(WorkItemType.OPERATIONS_ALERT, new SourceReference("ordo-intake-drift", week), title, null,
                    null, null, Attributes.of(attributes), null), new Actor("ordo-intake", true), Provenance.api("ordo-intake"));
        }
        return monitoring;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Documents the keyword fallback sent to review, classified again now that a model answers. */
    private void reclassifyDegraded(TenantId tenant) {
        if (!settings(tenant).modelEnabled()) {
            return;
        }
        List<UUID> degraded = transactions.readOnly(tenant, () -> documents.degradedInReview(tenant, 1000));
        for (UUID id : degraded) {
            intake.reprocess(tenant, id, Actor.SYSTEM);
        }
    }

    private void audit(String id, Map<String, String> before, Map<String, String> after) {
        trail.changed("intake-models", id, before, after).ifPresent(auditLog::append);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String snapshot(List<LabelledText> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledText e : examples) {
                digest.update((e.id() + "\u001f" + e.type().name() + "\u001f").getBytes(StandardCharsets.UTF_8));
                digest.update(e.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
