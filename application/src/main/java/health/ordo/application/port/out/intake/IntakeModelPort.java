package health.ordo.application.port.out.intake;

import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.intake.IntakeSettings;
import health.ordo.domain.intake.LabelledText;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A tenant's classifier registry (versions with their model bytes), its reviewed labels, settings and monitoring counts. */
public interface IntakeModelPort {

    IntakeSettings settings(TenantId tenant);

    void saveSettings(TenantId tenant, IntakeSettings settings);

    /** The registry, newest first (the bundled version 0 included once the tenant has touched the registry). */
    List<IntakeModel> models(TenantId tenant);

    Optional<IntakeModel> model(TenantId tenant, int version);

    Optional<byte[]> modelBytes(TenantId tenant, int version);

    int latestVersion(TenantId tenant);

    void insertModel(IntakeModel model, byte[] bytes);

    void updateModel(IntakeModel model);

    /** A reviewer's confirmed or corrected type for a document, kept as a training example (replaces an earlier label). */
    void saveLabel(TenantId tenant, UUID documentId, DocumentType type, boolean corrected, String text, String by, Instant at);

    List<LabelledText> labels(TenantId tenant);

    /** Across tenants (unlocked): those with at least {@code atLeast} labels more than their newest model was trained on. */
    List<TenantId> tenantsWithNewLabels(int atLeast);

    /** Takes the tenant for a retraining run until {@code until}; false when another node holds it. */
    boolean leaseRetraining(TenantId tenant, Instant now, Instant until);

    /** Gives the tenant's retraining lease back. */
    void releaseRetraining(TenantId tenant);

    /** Classifications made by a model (not by keywords, not by a person) in [from, to): per type, and per confidence tenth. */
    Map<String, Long> typeMix(TenantId tenant, Instant from, Instant to);

    Map<String, Long> confidenceBins(TenantId tenant, Instant from, Instant to);

    /** Of the documents a model turned into work in [from, to): how many were later corrected by a person, and how many not. */
    long[] acceptance(TenantId tenant, Instant from, Instant to);
}
