/** Events out over HTTP: the event-type catalogue, the event feed, webhook subscriptions, deliveries and replays. */
package health.ordo.adapter.web.event;
