/** Example partner adapter: vendor invoices on hold in Dynamics 365 Finance and Operations, through its OData API. */
package health.ordo.examples.dynamics;
