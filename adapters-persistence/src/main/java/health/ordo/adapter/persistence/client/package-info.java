/** API clients (machine clients) in PostgreSQL. */
package health.ordo.adapter.persistence.client;
