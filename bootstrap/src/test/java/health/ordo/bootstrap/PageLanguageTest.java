package health.ordo.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages speak the browser's language where Ordo has a bundle for it (Spanish besides English), and English otherwise,
 * whatever the server's own default language.
 */
@MicronautTest(transactional = false)
class PageLanguageTest {

    @Inject
    EmbeddedServer server;

    private String signInPage(String acceptLanguage) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/ui/sign-in"))
                .header("Accept-Language", acceptLanguage).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aSpanishBrowserReadsSpanish_andALanguageWithoutABundleReadsEnglish() throws Exception {
        assertThat(signInPage("es-MX,es;q=0.9")).contains("<html lang=\"es\"").contains("Iniciar sesión").contains("Contraseña");
        assertThat(signInPage("en-US,en;q=0.9")).contains("<html lang=\"en\"").contains("Sign in").doesNotContain("Contraseña");
        assertThat(signInPage("fr-FR")).as("said to be English when it is").contains("<html lang=\"en\"").contains("Sign in").doesNotContain("Iniciar sesión");
    }
}
