package health.ordo.adapter.web.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI document generated from the code at build time, served as {@code application/yaml} and as JSON, and the
 * way into the browsable API documentation (Swagger UI from its WebJar at {@code /api/docs/}, no CDN).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {

    static final String DOCUMENT = "classpath:META-INF/swagger/ordo-api-v1.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final String yaml;
    private final String json;

    OpenApiController(ResourceResolver resources, JsonMapper mapper) {
        try (InputStream in = resources.getResourceAsStream(DOCUMENT)
                .orElseThrow(() -> new IllegalStateException("the OpenAPI document " + DOCUMENT + " is missing from the build"))) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            this.json = mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi/ordo-api-v1.yml")
    HttpResponse<String> yaml() {
        return HttpResponse.ok(yaml).contentType(YAML);
    }

    @Get("/openapi/ordo-api-v1.json")
    HttpResponse<String> json() {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/api/docs")
    HttpResponse<?> docs() {
        return HttpResponse.redirect(URI.create("/api/docs/index.html"));
    }
}
