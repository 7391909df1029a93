/** What the core needs to store, find and publish work items; implemented by the persistence adapter. */
package health.ordo.application.port.out.workitem;
