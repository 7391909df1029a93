/** Write-back use cases: dispatching due outcomes to their source systems, and listing the outbox. */
package health.ordo.application.port.in.writeback;
