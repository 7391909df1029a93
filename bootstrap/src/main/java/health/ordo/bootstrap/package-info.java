/**
 * The runnable Ordo application: start-up (including the demo-mode JWT secret), the one factory that wires the
 * plain application services to the adapters, and the demo data seeder.
 */
package health.ordo.bootstrap;
