/** Maker-checker rules and held actions in PostgreSQL. */
package health.ordo.adapter.persistence.approval;
