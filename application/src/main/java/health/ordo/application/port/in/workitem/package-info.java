/** Use cases on work items: ingest (one or a batch), read, list and move through the lifecycle. */
package health.ordo.application.port.in.workitem;
