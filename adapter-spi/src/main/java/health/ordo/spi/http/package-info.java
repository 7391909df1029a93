/**
 * Optional HTTP helpers for adapters (JDK only): {@link health.ordo.spi.http.Auth} for HTTP Basic, bearer and OAuth 2.0
 * (client credentials, refresh token), and {@link health.ordo.spi.http.SourceHttp}, which turns an unreachable or failing
 * source into {@link health.ordo.spi.SourceUnavailableException} and keeps the adapter's {@link health.ordo.spi.HealthReport}.
 */
package health.ordo.spi.http;
