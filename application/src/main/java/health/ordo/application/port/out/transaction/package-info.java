/** The transaction boundary the application services hold, implemented by the persistence adapter. */
package health.ordo.application.port.out.transaction;
