/**
 * Ordo's application layer: use cases ({@code port.in}), the ports the core needs from the outside world
 * ({@code port.out}) and the plain services that sequence domain and ports inside a transaction
 * ({@code service}). No framework: {@code bootstrap} wires the services.
 */
package health.ordo.application;
