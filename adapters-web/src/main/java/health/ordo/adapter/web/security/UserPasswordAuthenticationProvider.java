package health.ordo.adapter.web.security;


import health.ordo.application.port.in.limit.SignInThrottleUseCase;
import health.ordo.application.port.in.user.AuthenticateUserUseCase;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Checks {@code POST /login} credentials ({@code user@tenant} + password) on the blocking executor and puts
 * the tenant and roles into the token's claims.
 */
@Singleton
class UserPasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    // Lazy: security's start-up conditions enumerate authentication providers while the data layer is still
    // being created; an eager dependency on it would close a creation cycle.
    private final Provider<AuthenticateUserUseCase> authenticateUser;
    private final Provider<SignInThrottleUseCase> throttle;
    private final ClientAddress addresses;
    private final SignInAudit audit;

    UserPasswordAuthenticationProvider(Provider<AuthenticateUserUseCase> authenticateUser, Provider<SignInThrottleUseCase> throttle,
                                       ClientAddress addresses, SignInAudit audit) {
        this.authenticateUser = authenticateUser;
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Override
    @NonNull
    public AuthenticationResponse authenticate(HttpRequest<B> requestContext,
                                               @NonNull AuthenticationRequest<String, String> request) {
        // the throttle counts per account: the login as the sign-in reads it (blanks stripped, case folded)
        String username = request.getIdentity() == null ? "" : request.getIdentity().strip().toLowerCase(java.util.Locale.ROOT);
        String address = addresses.of(requestContext);
        return throttle.get().serialized(username, () -> attempt(requestContext, request, username, address));
    }

    private AuthenticationResponse attempt(HttpRequest<B> requestContext, AuthenticationRequest<String, String> request, String username,
                                           String address) {
        if (!throttle.get().blocked(username, address).isZero()) {
            audit.user(requestContext, username, "sign-in refused", "too many failed attempts: backing off", address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        AuthenticationResponse response = authenticateUser.get().authenticate(request.getIdentity(), request.getSecret())
                .map(user -> AuthenticationResponse.success(user.login().toString(),
                        user.roles().stream().map(Enum::name).toList(),
                        Map.of(Caller.TENANT_CLAIM, user.login().tenant().value(), "name", user.displayName())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
        if (response.isAuthenticated()) {
            throttle.get().succeeded(username, address);
            audit.user(requestContext, username, "sign-in", null, address);
        } else {
            throttle.get().failed(username, address);
            audit.user(requestContext, username, "sign-in failed", "unknown user, wrong password or disabled", address);
        }
        return response;
    }
}
