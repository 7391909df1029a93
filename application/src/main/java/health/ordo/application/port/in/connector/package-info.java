/** Connector use cases: syncing configured source adapters incrementally, and their status for tenant admins. */
package health.ordo.application.port.in.connector;
