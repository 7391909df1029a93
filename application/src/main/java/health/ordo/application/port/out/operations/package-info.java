/** Where the operational state is aggregated from. */
package health.ordo.application.port.out.operations;
