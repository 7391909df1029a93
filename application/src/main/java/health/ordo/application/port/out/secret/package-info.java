/** Ports of the stored secrets. */
package health.ordo.application.port.out.secret;
