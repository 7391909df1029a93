/** People who sign in to Ordo: their login within a tenant and the roles they hold. */
package health.ordo.domain.user;
