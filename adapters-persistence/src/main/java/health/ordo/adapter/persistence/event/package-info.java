/** Events out in PostgreSQL: the relay from the outbox into per-tenant feeds, webhook subscriptions, deliveries, attempts. */
package health.ordo.adapter.persistence.event;
