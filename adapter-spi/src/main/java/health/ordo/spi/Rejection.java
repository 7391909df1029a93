package health.ordo.spi;

/**
 * A source record that could not be mapped.
 *
 * @param externalId the record's id when it could be read, else null
 * @param location   where in the source (record key, segment, JSON path)
 */
public record Rejection(String externalId, String location, String reason) {
}
