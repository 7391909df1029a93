/** Business calendars, SLA policy versions and escalation timers in PostgreSQL. */
package health.ordo.adapter.persistence.sla;
