/**
 * Ordo's pure domain: work items, their lifecycle, priority scoring and the value objects they are made of.
 * Plain Java 17 only: no framework, no I/O, no serialization. Time enters as an {@link java.time.Instant}
 * or a {@link java.time.Clock} handed in by the caller.
 */
package health.ordo.domain;
