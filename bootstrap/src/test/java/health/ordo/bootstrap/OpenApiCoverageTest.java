package health.ordo.bootstrap;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route the application serves under /api and /oauth is described in the OpenAPI document, with its method. */
@MicronautTest(transactional = false)
class OpenApiCoverageTest {

    @Inject
    Router router;
    @Inject
    ResourceResolver resources;

    @Test
    @SuppressWarnings("unchecked")
    void everyApiRoute_appearsInTheOpenApiDocument() throws Exception {
        Map<String, Object> document;
        try (InputStream in = resources.getResourceAsStream("classpath:META-INF/swagger/ordo-api-v1.yml").orElseThrow()) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<String> described = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) -> operations.keySet()
                .forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> served = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            String method = route.getHttpMethodName();
            if ((path.startsWith("/api/") || path.startsWith("/oauth/")) && !path.startsWith("/api/docs") && !method.equals("HEAD")
                    && !method.equals("OPTIONS")) {
                served.add(method + " " + path);
            }
        });

        assertThat(served).isNotEmpty();
        assertThat(described).as("routes missing from the OpenAPI document").containsAll(served);
    }
}
