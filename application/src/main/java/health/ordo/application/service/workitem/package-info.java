/** Services that carry out the work item use cases. */
package health.ordo.application.service.workitem;
