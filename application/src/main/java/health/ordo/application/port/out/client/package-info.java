/** API clients in storage. */
package health.ordo.application.port.out.client;
