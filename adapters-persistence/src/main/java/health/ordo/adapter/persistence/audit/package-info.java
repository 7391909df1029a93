/** The append-only, hash-chained audit log in PostgreSQL. */
package health.ordo.adapter.persistence.audit;
