/**
 * Routing and get-next-work: {@link health.ordo.domain.routing.Queue queues} with fair-share weights,
 * {@link health.ordo.domain.routing.Worker workers} with skills and capacity, ordered
 * {@link health.ordo.domain.routing.RoutingRule routing rules} that place arriving work and say which skills it
 * needs, and the {@link health.ordo.domain.routing.FairShare fair-share} order in which a worker's queues are served.
 */
package health.ordo.domain.routing;
