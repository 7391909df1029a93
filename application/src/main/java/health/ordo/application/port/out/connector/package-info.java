/** Outbound ports of the connector runtime: configured SPI adapters, and each connector's cursor, health and rejections. */
package health.ordo.application.port.out.connector;
