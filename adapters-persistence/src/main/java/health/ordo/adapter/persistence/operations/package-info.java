/** The operational snapshot, aggregated across tenants. */
package health.ordo.adapter.persistence.operations;
