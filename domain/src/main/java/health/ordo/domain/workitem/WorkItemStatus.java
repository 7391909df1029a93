package health.ordo.domain.workitem;

/** Lifecycle states of a work item, each aligned with a FHIR R4 Task status code. */
public enum WorkItemStatus {
    READY("ready"),
    CLAIMED("accepted"),
    IN_PROGRESS("in-progress"),
    ON_HOLD("on-hold"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String fhirTaskStatus;

    WorkItemStatus(String fhirTaskStatus) {
        this.fhirTaskStatus = fhirTaskStatus;
    }

    /** The FHIR Task.status code this state maps to. */
    public String fhirTaskStatus() {
        return fhirTaskStatus;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
