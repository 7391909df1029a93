/**
 * The {@link health.ordo.domain.workitem.WorkItem} aggregate: a unit of back-office work with its source,
 * money at stake, deadlines, attributes, assignment and a lifecycle aligned with FHIR Task status.
 */
package health.ordo.domain.workitem;
