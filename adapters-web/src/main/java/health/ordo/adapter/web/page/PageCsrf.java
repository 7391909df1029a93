package health.ordo.adapter.web.page;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * CSRF tokens for every page form, the OWASP "HMAC-based token" pattern: the token is an HMAC of the browser's session
 * cookie (or, before sign-in, of its pre-session cookie) under a key derived from the deployment's signing secret, so
 * every node checks it without shared state and a page of another site, which cannot read the cookie, cannot make one.
 * A form without the right {@code _csrf} field is refused with 403.
 */
@Singleton
class PageCsrf {

    static final String FIELD = "_csrf";

    private final SecretKeySpec key;

    PageCsrf(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String signingSecret) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(derive.doFinal("ordo-page-csrf-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The token for forms of this session value (the session or pre-session cookie). */
    String token(String sessionValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(sessionValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The token of a signed-in page's forms. */
    String forSession(HttpRequest<?> request) {
        return PageSession.token(request).map(this::token).orElse("");
    }

    /** @throws CsrfRefusedException unless the form carries the token of the request's session */
    void verify(HttpRequest<?> request, Map<String, String> form) {
        check(form, PageSession.token(request).orElse(null));
    }

    /** @throws CsrfRefusedException unless the sign-in form carries the token of the browser's pre-session */
    void verifySignIn(HttpRequest<?> request, Map<String, String> form) {
        check(form, PageSession.preSession(request).orElse(null));
    }

    private void check(Map<String, String> form, String session) {
        String sent = form == null ? null : form.get(FIELD);
        if (sent == null || session == null || session.isBlank()
                || !MessageDigest.isEqual(token(session).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefusedException();
        }
    }

    /** A form without a valid CSRF token. */
    static final class CsrfRefusedException extends RuntimeException {
        CsrfRefusedException() {
            super("The form has expired or did not come from this site");
        }
    }
}
