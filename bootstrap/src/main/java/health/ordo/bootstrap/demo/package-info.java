/** The demo tenant, its users and a realistic backlog of about 500 work items, seeded on first start. */
package health.ordo.bootstrap.demo;
