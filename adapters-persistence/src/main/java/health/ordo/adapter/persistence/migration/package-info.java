/** Schema migrations run as the schema owner, apart from the application login. */
package health.ordo.adapter.persistence.migration;
