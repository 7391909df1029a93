/** Tenants and their branding in PostgreSQL. */
package health.ordo.adapter.persistence.tenant;
