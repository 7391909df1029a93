/** What an operator watches: Prometheus metrics, readiness of the schema, trace ids. */
package health.ordo.bootstrap.observability;
