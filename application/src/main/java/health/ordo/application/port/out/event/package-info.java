/** Events out: the outbox relayed into each tenant's feed, subscriptions and deliveries in PostgreSQL, the webhook sender. */
package health.ordo.application.port.out.event;
