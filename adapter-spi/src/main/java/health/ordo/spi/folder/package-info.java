/**
 * A watched inbound folder shared by the built-in file connectors (835 and FHIR remittances, scanned documents) and open
 * to partner adapters: settle time, atomic claim for several nodes, processed and failed folders with a report per file.
 */
package health.ordo.spi.folder;
