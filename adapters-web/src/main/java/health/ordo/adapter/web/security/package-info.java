/** Sign-in (POST /login issues a JWT with tenant and roles claims), password hashing, and the caller of a request. */
package health.ordo.adapter.web.security;
