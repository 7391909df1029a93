package health.ordo.application.port.in.sla;

/** Fires escalation timers that are due, each exactly once across all nodes (run by a scheduler on every node). */
public interface FireEscalationsUseCase {

    /** @return how many timers were taken (fired or found obsolete) */
    int fireDue(int limit);
}
