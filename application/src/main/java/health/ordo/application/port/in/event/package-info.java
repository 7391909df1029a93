/** Events out: the catalogue, the event feed, webhook subscriptions with their deliveries and replays, the relay rounds. */
package health.ordo.application.port.in.event;
