/** Use cases on people and tenants: sign-in and tenant provisioning. */
package health.ordo.application.port.in.user;
