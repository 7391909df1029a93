/** Outbound ports for write-back: the durable outbox of outcomes, and the targets that deliver them to source systems. */
package health.ordo.application.port.out.writeback;
