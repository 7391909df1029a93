/** REST resources for work items: create (one or a batch), read, list and lifecycle actions. */
package health.ordo.adapter.web.workitem;
