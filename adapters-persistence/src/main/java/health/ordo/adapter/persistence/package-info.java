/**
 * Persistence adapter: implements the application's storage ports on PostgreSQL with hand-written SQL through
 * micronaut-data-jdbc's {@code JdbcOperations}, inside transactions the application services open through
 * {@link health.ordo.application.port.out.transaction.TransactionPort}. The schema is owned by the Flyway
 * migrations in {@code db/migration} of this module.
 */
package health.ordo.adapter.persistence;
