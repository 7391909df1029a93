/** Connectors from configuration ({@code ordo.connectors.<name>.*}) bound to the adapter types the modules provide. */
package health.ordo.bootstrap.connector;
