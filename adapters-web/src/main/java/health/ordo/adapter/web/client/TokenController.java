package health.ordo.adapter.web.client;

import health.ordo.adapter.web.security.ClientAddress;
import health.ordo.adapter.web.security.SignInAudit;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.limit.SignInThrottleUseCase;
import health.ordo.application.port.in.client.ManageApiClientsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code POST /oauth/token}: the OAuth 2.0 client-credentials grant (RFC 6749 §4.4). The client authenticates with HTTP
 * Basic or {@code client_id}/{@code client_secret} in the form; the answer is a 15-minute JWT with role INTEGRATION, the
 * client's tenant and the granted scopes ({@code scope} may narrow them). Errors follow RFC 6749 §5.2.
 */
@Controller("/oauth/token")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Machine clients")
class TokenController {

    static final int EXPIRES_IN = 900;

    private final ManageApiClientsUseCase clients;
    private final TokenGenerator tokens;
    private final SignInThrottleUseCase guard;
    private final ClientAddress addresses;
    private final SignInAudit audit;

    TokenController(ManageApiClientsUseCase clients, TokenGenerator tokens, SignInThrottleUseCase guard, ClientAddress addresses,
                    SignInAudit audit) {
        this.clients = clients;
        this.tokens = tokens;
        this.guard = guard;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 client-credentials token for a machine client")
    MutableHttpResponse<Map<String, Object>> token(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        Map<String, String> params = form == null ? Map.of() : form;
        String clientId = params.get("client_id");
        String secret = params.get("client_secret");
        String basic = request.getHeaders().getAuthorization().orElse(null);
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return error(HttpStatus.UNAUTHORIZED, "invalid_client", "malformed Basic credentials");
            }
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() != null && param.getValue().chars().anyMatch(c -> c < 0x20)) {
                return error(HttpStatus.BAD_REQUEST, "invalid_request", param.getKey() + " holds a control character");
            }
        }
        if (clientId != null && clientId.chars().anyMatch(c -> c < 0x20) || secret != null && secret.chars().anyMatch(c -> c < 0x20)) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "malformed client credentials");
        }
        if (!"client_credentials".equals(params.get("grant_type"))) {
            return error(HttpStatus.BAD_REQUEST, params.get("grant_type") == null ? "invalid_request" : "unsupported_grant_type",
                    "grant_type must be client_credentials");
        }
        if (clientId == null || secret == null) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "client authentication is required");
        }
        String account = "client:" + clientId;
        String address = addresses.of(request);
        String id = clientId;
        String presented = secret;
        // check, verify and record as one step per client: parallel guesses see each other's failures
        MutableHttpResponse<Map<String, Object>>[] refusal = new MutableHttpResponse[1];
        var client = guard.serialized(account, () -> {
            java.time.Duration blocked = guard.blocked(account, address);
            if (!blocked.isZero()) {
                audit.client(request, null, id, "token refused", "too many failed attempts: backing off", address);
                refusal[0] = error(HttpStatus.UNAUTHORIZED, "invalid_client", "too many failed attempts; try again later")
                        .header("Retry-After", Long.toString(Math.max(1, blocked.toSeconds())));
                return null;
            }
            var authenticated = clients.authenticate(id, presented).orElse(null);
            if (authenticated == null) {
                guard.failed(account, address);
                audit.client(request, null, id, "token refused", "unknown client, revoked client or wrong secret", address);
                refusal[0] = error(HttpStatus.UNAUTHORIZED, "invalid_client", "unknown client, revoked client or wrong secret");
                return null;
            }
            guard.succeeded(account, address);
            return authenticated;
        });
        if (client == null) {
            return refusal[0];
        }
        Set<String> scopes = client.scopes();
        if (params.get("scope") != null && !params.get("scope").isBlank()) {
            Set<String> asked = Arrays.stream(params.get("scope").split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
            if (!scopes.containsAll(asked)) {
                return error(HttpStatus.BAD_REQUEST, "invalid_scope", "the client holds only " + new TreeSet<>(scopes));
            }
            scopes = asked;
        }
        String scope = String.join(" ", new TreeSet<>(scopes));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Caller.TENANT_CLAIM, client.tenant().value());
        claims.put("client_id", client.clientId());
        claims.put("scope", scope);
        audit.client(request, client.tenant(), client.clientId(), "token granted", "scope " + scope, address);
        String token = tokens.generateToken(Authentication.build(client.clientId(), List.of("INTEGRATION"), claims), EXPIRES_IN)
                .orElseThrow(() -> new IllegalStateException("no token generator"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", EXPIRES_IN);
        body.put("scope", scope);
        return HttpResponse.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static MutableHttpResponse<Map<String, Object>> error(HttpStatus status, String error, String description) {
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(status)
                .body(Map.<String, Object>of("error", error, "error_description", description)).header("Cache-Control", "no-store");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Basic realm=\"ordo\"");
        }
        return response;
    }
}
