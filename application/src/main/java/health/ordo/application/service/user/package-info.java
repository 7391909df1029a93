/** Services that carry out sign-in and tenant provisioning. */
package health.ordo.application.service.user;
