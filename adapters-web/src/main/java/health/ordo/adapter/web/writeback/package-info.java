/** The write-back outbox over HTTP: what Ordo has written, or still has to write, back to source systems. */
package health.ordo.adapter.web.writeback;
