/** REST resources of service levels: an item's SLA clock, business calendars, SLA policies. */
package health.ordo.adapter.web.sla;
