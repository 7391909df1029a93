/** What an operator watches: the platform's operational state across tenants. */
package health.ordo.application.port.in.operations;
