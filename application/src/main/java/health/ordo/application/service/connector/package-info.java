/** Runs SPI source adapters: incremental pulls with a stored cursor, one node per connector at a time, degraded mode. */
package health.ordo.application.service.connector;
