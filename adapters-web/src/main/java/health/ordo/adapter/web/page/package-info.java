/**
 * Ordo's web pages: server-rendered jte templates over the same use cases as the REST API, signed in with a session
 * cookie (a short-lived JWT read only on {@code /ui}), CSRF tokens on every form, the tenant's branding on every page.
 * No business rule lives here: each handler reads a use case and shapes what the template shows.
 */
package health.ordo.adapter.web.page;
