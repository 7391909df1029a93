/** Where the code sets a deployment or a tenant loaded are kept. */
package health.ordo.application.port.out.claims;
