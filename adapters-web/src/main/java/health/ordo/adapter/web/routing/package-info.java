/** REST resources of routing: get next work, queues, workers, routing rules, queue statistics, supervisor actions. */
package health.ordo.adapter.web.routing;
