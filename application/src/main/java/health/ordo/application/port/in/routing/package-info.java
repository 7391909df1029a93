/** Use cases of routing: get next work, supervisor assignment and transfer, and the queues, workers and rules behind them. */
package health.ordo.application.port.in.routing;
