/** Work items, their history and the event outbox in PostgreSQL. */
package health.ordo.adapter.persistence.workitem;
