/** REST for the tenant's users: turning their access off and on. */
package health.ordo.adapter.web.user;
