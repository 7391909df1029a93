/**
 * Process intelligence: the maths over plain data. Arrival forecasts with prediction intervals and a backtest, the
 * breach simulation of a queue worked in Ordo's priority order with a given staff, staffing and what-if, duration
 * histograms and their percentiles. History comes in as numbers, answers go out as numbers: no I/O here.
 */
package health.ordo.domain.insights;
