package health.ordo.adapter.web.page;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The pages' session: the same signed token as the API's (issuer, audience, roles, tenant; revoked with the user), kept
 * in an HttpOnly, SameSite=Strict cookie that only {@code /ui} reads ({@link PageCookieTokenReader}), so a page session
 * can never call the API and the API's bearer tokens never come from a cookie. It lasts {@code ordo.pages.session-minutes}
 * (30) after the last page load: every page renews it, an idle one expires. The cookie is {@code Secure} whenever the
 * request came over HTTPS or {@code ordo.pages.secure-cookies} is true.
 */
@Singleton
class PageSession {

    static final String COOKIE = "ORDO_SESSION";
    /** Before sign-in: a random value the sign-in form's CSRF token is bound to. */
    static final String PRE_COOKIE = "ORDO_PRESESSION";

    private final TokenGenerator tokens;
    private final Duration length;
    private final boolean alwaysSecure;
    private final SecureRandom random = new SecureRandom();

    PageSession(TokenGenerator tokens, @Value("${ordo.pages.session-minutes:30}") int minutes,
                @Value("${ordo.pages.secure-cookies:false}") boolean alwaysSecure) {
        this.tokens = tokens;
        this.length = Duration.ofMinutes(Math.max(1, minutes));
        this.alwaysSecure = alwaysSecure;
    }

    Duration length() {
        return length;
    }

    /** Starts (or renews) the session of a signed-in user on the response. */
    void start(HttpRequest<?> request, MutableHttpResponse<?> response, Authentication authentication) {
        String token = tokens.generateToken(authentication, (int) length.toSeconds())
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        response.cookie(cookie(request, COOKIE, token, length));
    }

    void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(cookie(request, COOKIE, "", Duration.ZERO));
    }

    static Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** The browser's pre-session value, if it has one. */
    static Optional<String> preSession(HttpRequest<?> request) {
        return request.getCookies().findCookie(PRE_COOKIE).map(Cookie::getValue).filter(v -> v.length() >= 22);
    }

    /** A new random pre-session value. */
    String newPreSession() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void setPreSession(HttpRequest<?> request, MutableHttpResponse<?> response, String value) {
        response.cookie(cookie(request, PRE_COOKIE, value, Duration.ofHours(2)));
    }

    private Cookie cookie(HttpRequest<?> request, String name, String value, Duration maxAge) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Strict).maxAge(maxAge)
                .secure(alwaysSecure || request.isSecure());
    }
}
