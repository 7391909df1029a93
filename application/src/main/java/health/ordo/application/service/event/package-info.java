/** Events out: the feed, webhook subscriptions and the relay and delivery rounds. */
package health.ordo.application.service.event;
