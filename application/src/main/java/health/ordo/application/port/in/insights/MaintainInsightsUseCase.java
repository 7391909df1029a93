package health.ordo.application.port.in.insights;

/** The background rounds that keep insights current; safe to run on every node at once. */
public interface MaintainInsightsUseCase {

    /** Brings the facts of Ordo's own items up to date with their changes; the number of items refreshed. */
    int refreshFacts();

    /** Rebuilds whole the daily rollups of days marked for it (by bulk loads and migrations); the number of days. */
    int rollUpChangedDays();

    /** Runs the next queued (or abandoned) history import, if any; whether one ran. */
    boolean runNextImport();
}
