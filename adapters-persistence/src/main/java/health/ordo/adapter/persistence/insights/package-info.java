/** Facts, daily rollups, history-import jobs and open work for process intelligence, in PostgreSQL. */
package health.ordo.adapter.persistence.insights;
