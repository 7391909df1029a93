/** The OpenAPI definition of the public API v1, generated at build time and served at /openapi/ordo-v1.yml. */
package health.ordo.adapter.web.api;
