package health.ordo.application.port.in.intake;

import health.ordo.domain.intake.IntakeModel;
import health.ordo.domain.intake.IntakeSettings;
import health.ordo.domain.intake.ModelEvaluation;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.util.List;
import java.util.Map;

/**
 * The tenant's classifier registry: versions with their held-out figures, training a candidate from the labels, activation
 * only through a second person's approval (candidate and active model compared on the same held-out set), rollback in one
 * call, the settings (thresholds, model on or off), and monitoring (acceptance, confidence and type mix week over week).
 */
public interface IntakeModelsUseCase {

    List<IntakeModel> models(TenantId tenant);

    IntakeModel model(TenantId tenant, int version);

    /** Trains a candidate from the shipped training split and the tenant's labels and measures it on the held-out split. */
    IntakeModel train(TenantId tenant, Actor actor);

    /**
     * Asks for the version's activation: always held for a second person, with the candidate's and the active model's
     * figures in the request.
     *
     * @throws health.ordo.application.port.in.approval.ApprovalRequiredException always (the request to approve)
     */
    IntakeModel activate(TenantId tenant, int version, Actor actor);

    /** Activates without asking: the approved request's action. Re-classifies documents a degraded classifier sent to review. */
    IntakeModel activateApproved(TenantId tenant, int version, String requestedBy, String approvedBy);

    /** Back to the version that was active before the current one, at once (it was approved when it went live). */
    IntakeModel rollback(TenantId tenant, Actor actor);

    IntakeSettings settings(TenantId tenant);

    IntakeSettings updateSettings(TenantId tenant, IntakeSettings settings, Actor actor);

    /** The active model's figures against the candidate's on the same held-out set. */
    Map<String, ModelEvaluation> compare(TenantId tenant, int version);

    Monitoring monitoring(TenantId tenant);

    /** Monitoring, and when drift passed the threshold, an operations alert item for the week (raised once a week). */
    Monitoring checkDrift(TenantId tenant);

    /**
     * One week against the one before.
     *
     * @param acceptanceRate share of the documents a model turned into work (or filed) that no person corrected, or null when none
     * @param typeMixPsi     population stability of the classified types, this week against last
     * @param confidencePsi  population stability of the confidence distribution (tenths)
     * @param drifted        whether either index passed the drift threshold
     */
    record Monitoring(Double acceptanceRate, long automatic, long corrected, Map<String, Long> typeMixThisWeek,
                      Map<String, Long> typeMixLastWeek, Map<String, Long> confidenceThisWeek, Map<String, Long> confidenceLastWeek,
                      double typeMixPsi, double confidencePsi, double driftThreshold, boolean drifted) {
    }
}
