/** Services of prioritization: scoring with the active policy, policy management, simulation, overrides, re-scoring. */
package health.ordo.application.service.priority;
