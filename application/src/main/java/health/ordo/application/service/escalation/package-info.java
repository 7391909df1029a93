/** Firing due SLA escalations exactly once: raise priority, move, reassign, notify; recorded in history and events. */
package health.ordo.application.service.escalation;
