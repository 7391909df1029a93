/** Prioritization in PostgreSQL: policy versions, settings, background jobs and the learned recovery-likelihood model. */
package health.ordo.adapter.persistence.priority;
