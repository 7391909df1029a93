/** Appends hash-chained audit entries and verifies chains. */
package health.ordo.application.service.audit;
