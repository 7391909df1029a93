/** Outbound ports for tenants: their list and their branding. */
package health.ordo.application.port.out.tenant;
