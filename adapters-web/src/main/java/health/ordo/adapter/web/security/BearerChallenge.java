package health.ordo.adapter.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/**
 * The API takes bearer tokens (RFC 6750), so a 401 challenges with {@code Bearer}, not with Basic as the framework's
 * default does (the token endpoint, which takes client credentials, sets its own Basic challenge).
 */
@Singleton
@Replaces(WwwAuthenticateChallengeProvider.class)
class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        return "Bearer realm=\"ordo\"";
    }
}
