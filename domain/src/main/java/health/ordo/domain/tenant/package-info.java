/** Tenants as the platform sees them: their branding (white label). */
package health.ordo.domain.tenant;
