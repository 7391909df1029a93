/** Tenant administration use cases: provisioning by the platform admin, and white-label branding. */
package health.ordo.application.port.in.tenant;
