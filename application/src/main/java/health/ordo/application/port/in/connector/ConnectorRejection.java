package health.ordo.application.port.in.connector;

import java.time.Instant;

/** A source record a connector could not turn into work, kept for the admin with where and why. */
public record ConnectorRejection(String externalId, String location, String reason, Instant at) {
}
