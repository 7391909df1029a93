package health.ordo.domain.approval;

/** The actions a tenant can put under maker-checker. */
public enum ApprovalKind {
    /** Completing a work item as a write-off above the tenant's amount threshold. */
    WRITE_OFF,
    /** Activating a priority policy version (it re-scores every open item). */
    PRIORITY_POLICY_ACTIVATION,
    /** Activating a new SLA policy version (it changes goals, deadlines and escalations). */
    SLA_POLICY_ACTIVATION,
    /** Setting or changing a connector's credentials. */
    CONNECTOR_CREDENTIALS,
    /** Activating a trained document-classifier version: always held for a second person, whatever the tenant's rules. */
    INTAKE_MODEL_ACTIVATION,
    /** Loosening the tenant's maker-checker rules themselves (always held while any rule is on; tightening is not). */
    APPROVAL_RULES_CHANGE
}
