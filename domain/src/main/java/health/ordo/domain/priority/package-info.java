/**
 * Priority policies: the rules that turn a work item's money, deadlines and age into a
 * {@link health.ordo.domain.workitem.PriorityScore}. The versioned, explainable per-tenant policy engine
 * (issue 4) grows here; today it holds the deterministic baseline every tenant starts with.
 */
package health.ordo.domain.priority;
