/**
 * Events out: the catalogue of every event type Ordo publishes (name, version, the fields of its data), the business
 * events derived from work item changes, webhook subscriptions and their signing secrets, the signing secrets' form and the retry schedule of a delivery.
 */
package health.ordo.domain.event;
