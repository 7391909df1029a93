/** Machine clients over HTTP: their administration (TENANT_ADMIN) and the OAuth 2.0 client-credentials token endpoint. */
package health.ordo.adapter.web.client;
