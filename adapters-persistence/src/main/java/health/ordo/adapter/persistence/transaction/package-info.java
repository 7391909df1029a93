/** The transaction boundary on Micronaut's JDBC transaction manager. */
package health.ordo.adapter.persistence.transaction;
