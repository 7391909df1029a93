/** What process intelligence needs stored and read: facts, rollups, history imports, open work. */
package health.ordo.application.port.out.insights;
