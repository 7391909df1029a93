/** What the core needs to store tenants and user accounts and to hash passwords. */
package health.ordo.application.port.out.user;
