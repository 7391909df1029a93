/**
 * The outbound adapter every request made on a tenant's behalf goes through: the SPI's {@code OutboundChannel} over Apache
 * HttpClient, with the deployment's {@code OutboundPolicy} as its DNS resolver.
 */
package health.ordo.adapter.outbound;
