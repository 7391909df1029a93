/**
 * Benchmarks: JMH for in-process work (scoring), and harnesses that measure Ordo against raw SQL on the same
 * PostgreSQL in the same run. Never run by the test command; see docs/benchmarks.md for the commands.
 */
package health.ordo.benchmarks;
