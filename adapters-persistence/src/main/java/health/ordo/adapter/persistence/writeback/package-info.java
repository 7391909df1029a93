/** The write-back outbox in PostgreSQL. */
package health.ordo.adapter.persistence.writeback;
