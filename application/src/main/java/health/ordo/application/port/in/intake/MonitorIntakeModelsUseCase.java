package health.ordo.application.port.in.intake;

/** The scheduled round of model monitoring: every tenant's week against the week before. */
public interface MonitorIntakeModelsUseCase {

    /**
     * Checks every tenant's drift ({@link IntakeModelsUseCase#checkDrift}), raising the week's operations alert where the
     * classified type mix or the confidence moved past the threshold (once a week per tenant, whichever node checks).
     * A tenant whose check fails does not stop the round.
     *
     * @return the tenants found drifting
     */
    int checkAllTenants();

    /**
     * Trains a candidate classifier for every tenant with at least the configured number of reviewed labels more than its
     * newest model was trained on, and asks for its activation: a second person approves it, seeing the candidate
     * against the active model on the same held-out set ({@link IntakeModelsUseCase#activate}). One node at a time
     * trains a tenant; a tenant whose training fails does not stop the round.
     *
     * @return the candidates trained
     */
    int retrainWhereLabelled();
}
