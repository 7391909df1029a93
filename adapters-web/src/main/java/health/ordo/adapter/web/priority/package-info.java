/** REST resources of prioritization: policies, simulation, jobs, settings, an item's score and its overrides. */
package health.ordo.adapter.web.priority;
