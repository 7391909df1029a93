/** The tamper-evident audit log: entries hash-chained per tenant. */
package health.ordo.domain.audit;
