/** Creates tenants with their first admin, default calendar and SLA policies; keeps their branding. */
package health.ordo.application.service.tenant;
