/** Tenants and user accounts in PostgreSQL. */
package health.ordo.adapter.persistence.user;
