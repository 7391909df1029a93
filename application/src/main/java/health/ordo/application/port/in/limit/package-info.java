/** Request budgets shared by every node: per caller, per tenant and per sign-in address. */
package health.ordo.application.port.in.limit;
