/** Connector cursors, health, leases and rejections in PostgreSQL. */
package health.ordo.adapter.persistence.connector;
