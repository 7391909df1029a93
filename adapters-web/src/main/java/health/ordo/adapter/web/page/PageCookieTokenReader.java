package health.ordo.adapter.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the page session's token from its cookie, on page paths only ({@code /ui…}): the API stays bearer-only, so no
 * cross-site request can ride a browser's cookie into it.
 */
@Singleton
class PageCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/ui") || path.startsWith("/ui/") ? PageSession.token(request) : Optional.empty();
    }

    @Override
    public int getOrder() {
        return 100; // after the bearer header reader
    }
}
