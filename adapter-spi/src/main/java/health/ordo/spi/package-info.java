/**
 * The source adapter SPI: what a partner implements to bring work from another system into Ordo, and to write outcomes
 * back. Depends on nothing but the JDK; the canonical model ({@link health.ordo.spi.WorkItemCommand},
 * {@link health.ordo.spi.CanonicalEvent}) is part of it. The contract is checked by the {@code adapter-tck} module.
 * See docs/adapters.md.
 */
package health.ordo.spi;
