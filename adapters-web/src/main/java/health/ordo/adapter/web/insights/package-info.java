/** Insights, forecasts and history import over REST; JSON or CSV ({@code Accept: text/csv}). */
package health.ordo.adapter.web.insights;
