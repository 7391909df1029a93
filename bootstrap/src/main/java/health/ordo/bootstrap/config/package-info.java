/** Wiring: the factory that turns the framework-free application services into beans. */
package health.ordo.bootstrap.config;
