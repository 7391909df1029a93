/** Use cases of the stored secrets: rotation of the key that seals them. */
package health.ordo.application.port.in.secret;
