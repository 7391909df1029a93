/** Plans write-backs when work completes and dispatches them with retries and backoff, never dropping one. */
package health.ordo.application.service.writeback;
