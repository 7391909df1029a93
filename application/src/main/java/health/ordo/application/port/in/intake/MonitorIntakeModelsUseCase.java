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
}
