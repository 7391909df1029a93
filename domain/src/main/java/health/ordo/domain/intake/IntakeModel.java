package health.ordo.domain.intake;

import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a tenant's document classifier in its registry. Version 0 is the bundled model, trained from the corpus
 * Ordo ships; later versions are trained from that corpus plus the tenant's reviewed labels.
 *
 * @param trainingSnapshot a digest of exactly the examples it was trained on (corpus and labels), so a version can be told
 *                         apart from another trained on different data
 * @param evaluation       its figures on the shipped held-out set, never trained on
 */
public record IntakeModel(TenantId tenant, int version, Status status, String trainingSnapshot, int trainingDocuments, int labels,
                          ModelEvaluation evaluation, String trainedBy, Instant trainedAt, String activatedBy, Instant activatedAt) {

    /** A version's place in the registry. */
    public enum Status {
        /** Trained, waiting for an activation to be requested and approved. */
        CANDIDATE,
        /** The one classifying the tenant's documents. */
        ACTIVE,
        /** Was active once; a rollback can bring it back. */
        RETIRED
    }

    /** The bundled model's version number. */
    public static final int BUNDLED = 0;

    public IntakeModel {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trainedBy, "trainedBy");
    }

    /** How the model is named in classifications: {@code bundled/v0}, {@code tenant/v3}. */
    public String name() {
        return (version == BUNDLED ? "bundled" : "tenant") + "/v" + version;
    }

    public IntakeModel withStatus(Status next, String by, Instant at) {
        return new IntakeModel(tenant, version, next, trainingSnapshot, trainingDocuments, labels, evaluation, trainedBy, trainedAt,
                next == Status.ACTIVE ? by : activatedBy, next == Status.ACTIVE ? at : activatedAt);
    }
}
