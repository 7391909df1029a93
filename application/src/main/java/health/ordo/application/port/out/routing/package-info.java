/** What routing needs from storage: queues, workers, routing rules, and claiming the next READY item. */
package health.ordo.application.port.out.routing;
