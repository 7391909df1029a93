/** Machine clients of a tenant: API clients with hashed secrets for the OAuth 2.0 client-credentials grant. */
package health.ordo.application.port.in.client;
