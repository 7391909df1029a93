package health.ordo.application.service.intake;

import health.ordo.application.port.out.intake.DocumentModelPort;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.application.port.out.intake.TrainingCorpusPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.intake.Classification;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.intake.KeywordClassifier;
import health.ordo.domain.intake.ModelEvaluation;
import health.ordo.domain.shared.TenantId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifies a tenant's document with its active model (the bundled one until the tenant activates its own), and with the
 * deterministic keyword classifier when the model is switched off or fails: degraded, never stopped.
 */
public final class DocumentClassifier {

    private final DocumentModelPort models;
    private final IntakeModelPort registry;
    private final TrainingCorpusPort corpus;
    private final TransactionPort transactions;
    private final KeywordClassifier keywords = new KeywordClassifier();
    /** Model bytes by tenant and version (a version never changes once trained); the bundled one under key "bundled". */
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();
    private volatile ModelEvaluation bundledEvaluation;

    public DocumentClassifier(DocumentModelPort models, IntakeModelPort registry, TrainingCorpusPort corpus, TransactionPort transactions) {
        this.models = models;
        this.registry = registry;
        this.corpus = corpus;
        this.transactions = transactions;
    }

    /** A classification, and why the keyword fallback gave it when it did (null when a model answered). */
    public record Classified(Classification classification, String degradedBecause) {
    }

    /** The tenant's classification of the text; the keyword fallback (degraded) when the model is off or fails. */
    public Classified classify(TenantId tenant, String text) {
        if (!transactions.readOnly(tenant, () -> registry.settings(tenant)).modelEnabled()) {
            return new Classified(keywords.classify(text), "the model is switched off (degraded mode)");
        }
        try {
            int version = activeVersion(tenant);
            return new Classified(Classification.of(models.classify(bytes(tenant, version), text), name(version), false), null);
        } catch (RuntimeException e) {
            return new Classified(keywords.classify(text), "the model failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); classified by keywords (degraded mode)");
        }
    }

    /** A classification under one given version (for comparing a candidate with the active model). */
    public Classification classify(TenantId tenant, int version, String text) {
        return Classification.of(models.classify(bytes(tenant, version), text), name(version), false);
    }

    /** The active version: the registry's ACTIVE one, or the bundled model when the tenant has activated none. */
    public int activeVersion(TenantId tenant) {
        return transactions.readOnly(tenant, () -> registry.models(tenant)).stream().filter(m -> m.status() == IntakeModel.Status.ACTIVE)
                .mapToInt(IntakeModel::version).findFirst().orElse(IntakeModel.BUNDLED);
    }

    /** The bundled model's figures on the held-out split, measured once per node. */
    public ModelEvaluation bundledEvaluation() {
        ModelEvaluation evaluation = bundledEvaluation;
        if (evaluation == null) {
            byte[] model = bundled();
            evaluation = ModelEvaluation.of(corpus.heldOut(),
                    text -> Classification.of(models.classify(model, text), name(IntakeModel.BUNDLED), false));
            bundledEvaluation = evaluation;
        }
        return evaluation;
    }

    /** The model trained from the shipped training split: the same on every node (training is deterministic). */
    public byte[] bundled() {
        return loaded.computeIfAbsent("bundled", key -> models.train(corpus.training()));
    }

    private byte[] bytes(TenantId tenant, int version) {
        if (version == IntakeModel.BUNDLED) {
            return bundled();
        }
        return loaded.computeIfAbsent(tenant.value() + "/" + version, key -> {
            Optional<byte[]> stored = transactions.readOnly(tenant, () -> registry.modelBytes(tenant, version));
            return stored.orElseThrow(() -> new IllegalStateException("model v" + version + " of tenant " + tenant.value() + " has no bytes"));
        });
    }

    private static String name(int version) {
        return (version == IntakeModel.BUNDLED ? "bundled" : "tenant") + "/v" + version;
    }
}
