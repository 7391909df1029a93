package health.ordo.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document as YAML and JSON, and Swagger UI at /api/docs, all without signing in. */
@MicronautTest(transactional = false)
class ApiDocsTest {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOpenApiDocument_isServedAsYamlAndJson_andSwaggerUiShowsIt() throws Exception {
        HttpResponse<String> yaml = get("/openapi/ordo-api-v1.yml");
        HttpResponse<String> json = get("/openapi/ordo-api-v1.json");
        HttpResponse<String> page = get("/api/docs");
        HttpResponse<String> bundle = get("/api/docs/swagger-ui-bundle.js");
        HttpResponse<String> initializer = get("/api/docs/ordo-docs.js");

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(yaml.body()).contains("/api/v1/work-items").contains("/api/v1/users/{login}:disable");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.body()).startsWith("{").contains("\"openapi\"").contains("/api/v1/calendars");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-eval"));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("/openapi/ordo-api-v1.yml");
    }
}
