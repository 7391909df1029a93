/** What prioritization needs from outside: stored policies and settings, recovery likelihood, re-scoring batches, jobs. */
package health.ordo.application.port.out.priority;
