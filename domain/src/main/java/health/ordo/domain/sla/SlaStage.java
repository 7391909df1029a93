package health.ordo.domain.sla;

/** The points of an SLA clock at which escalations fire, each with the canonical event it emits. */
public enum SlaStage {
    GOAL_REACHED("SlaGoalReached"),
    DEADLINE_APPROACHING("SlaDeadlineApproaching"),
    DEADLINE_REACHED("SlaBreached"),
    PASSED_DEADLINE("SlaBreached");

    private final String eventType;

    SlaStage(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
