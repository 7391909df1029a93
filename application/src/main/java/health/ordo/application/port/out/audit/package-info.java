/** The audit log in storage. */
package health.ordo.application.port.out.audit;
