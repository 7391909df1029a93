/**
 * The prioritization engine: versioned per-tenant {@link health.ordo.domain.priority.PriorityPolicy priority policies}
 * made of weighted {@link health.ordo.domain.priority.PriorityFactor factors} and ordered
 * {@link health.ordo.domain.priority.DecisionRule decision rules}, evaluated into an explained score; recovery
 * priors; and the what-if {@link health.ordo.domain.priority.PolicySimulation simulation} of a draft policy on a
 * backlog.
 */
package health.ordo.domain.priority;
