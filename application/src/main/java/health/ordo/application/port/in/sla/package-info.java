/** Use cases of service levels: calendars, SLA policies, an item's SLA clocks, firing due escalations. */
package health.ordo.application.port.in.sla;
