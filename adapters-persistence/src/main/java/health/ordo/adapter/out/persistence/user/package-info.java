/** Tenants and user accounts in PostgreSQL. */
package health.ordo.adapter.out.persistence.user;
