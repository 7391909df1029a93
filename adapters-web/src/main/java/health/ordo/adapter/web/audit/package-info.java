/** The audit log over HTTP: every change and every read of an item's details recorded, listed and verified. */
package health.ordo.adapter.web.audit;
