/** Audit use cases: recording actions, listing them, verifying a tenant's chain. */
package health.ordo.application.port.in.audit;
