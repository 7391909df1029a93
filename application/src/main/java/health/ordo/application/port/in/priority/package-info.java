/** Use cases of prioritization: manage and simulate policies, override an item's priority, follow background jobs. */
package health.ordo.application.port.in.priority;
