package health.ordo.adapter.fhir;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

/**
 * The absolute base of Ordo's FHIR API ({@code …/api/v1/fhir}), which FHIR requires in {@code Bundle.link} and
 * {@code Bundle.entry.fullUrl}: the deployment's public address ({@code ordo.public-base-url}, for deployments behind a
 * proxy) or else the host the request reached, as Micronaut's host resolver sees it (which honours
 * {@code micronaut.server.host-resolution} for forwarded headers and allowed hosts).
 */
@Singleton
class FhirBase {

    static final String PATH = "/api/v1/fhir";

    private final String configured;
    private final HttpHostResolver hosts;

    FhirBase(@Nullable @Value("${ordo.public-base-url:}") String configured, HttpHostResolver hosts) {
        this.configured = configured == null || configured.isBlank() ? null : configured.replaceAll("/+$", "");
        this.hosts = hosts;
    }

    String of(HttpRequest<?> request) {
        return (configured != null ? configured : hosts.resolve(request)) + PATH;
    }
}
