/** Creates, rotates, revokes and authenticates machine clients. */
package health.ordo.application.service.client;
