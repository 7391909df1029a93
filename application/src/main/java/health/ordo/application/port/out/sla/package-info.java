/** What service levels need from storage: calendars, SLA policies and escalation timers. */
package health.ordo.application.port.out.sla;
