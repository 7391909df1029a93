/** Tenants over HTTP: provisioning by the platform admin, and each tenant's branding (white label). */
package health.ordo.adapter.web.tenant;
