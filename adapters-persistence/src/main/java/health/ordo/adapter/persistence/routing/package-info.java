/** Queues, workers and routing rules in PostgreSQL. */
package health.ordo.adapter.persistence.routing;
