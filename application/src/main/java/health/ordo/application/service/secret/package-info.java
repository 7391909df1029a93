/** Rotation of the key that seals stored secrets. */
package health.ordo.application.service.secret;
