/** The operational snapshot behind the platform's metrics. */
package health.ordo.application.service.operations;
