/** Services of service levels: scheduling escalation timers on SLA-relevant changes, firing them once, reading clocks. */
package health.ordo.application.service.sla;
