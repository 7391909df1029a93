/**
 * Service levels: {@link health.ordo.domain.sla.BusinessCalendar business calendars} (working hours per weekday,
 * shifts across midnight, holidays, closures, DST-correct), and {@link health.ordo.domain.sla.SlaClock SLA clocks}
 * derived from an item's history (paused while on hold), so that a corrected calendar or policy recomputes them.
 * Timers, escalation actions and the API arrive with the rest of the SLA issue.
 */
package health.ordo.domain.sla;
