/** Scoring an item with its tenant's active policy and a bounded recovery-likelihood model; used by every service that changes items. */
package health.ordo.application.service.scoring;
