/** Services of routing: get-next-work, assignment, reservation timeouts and workforce administration. */
package health.ordo.application.service.routing;
