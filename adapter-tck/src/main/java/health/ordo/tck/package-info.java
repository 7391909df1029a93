/**
 * The adapter technology compatibility kit: {@link health.ordo.tck.SourceAdapterContract}, an abstract JUnit 5 suite
 * that every source adapter runs by extending it and supplying a controllable fake of its source.
 */
package health.ordo.tck;
