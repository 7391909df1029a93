/** Encryption of secrets kept in the database. */
package health.ordo.adapter.persistence.secret;
