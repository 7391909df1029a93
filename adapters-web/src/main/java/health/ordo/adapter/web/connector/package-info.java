/** Connectors over HTTP: their health, cursor and counters, sync now, and the records they rejected (TENANT_ADMIN). */
package health.ordo.adapter.web.connector;
