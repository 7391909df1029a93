/** Process intelligence: insights over history, arrival and breach forecasts, staffing, history import. */
package health.ordo.application.port.in.insights;
