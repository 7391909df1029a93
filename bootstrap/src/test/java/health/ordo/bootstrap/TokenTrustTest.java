package health.ordo.bootstrap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordo's own tokens: issuer and audience checked, and a disabled user's live tokens refused. */
@MicronautTest(transactional = false)
class TokenTrustTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String signingSecret;

    private String tenant() {
        return FreshTenant.provision(provision, "tok");
    }

    private String signed(String subject, String tenant, String issuer, String audience) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("roles", List.of("SUPERVISOR")).claim("tenant", tenant);
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(signingSecret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String token) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
    }

    @Test
    void ordosOwnTokens_nameTheirIssuerAndAudience_andOnesWithoutAreRefused() throws Exception {
        String tenant = tenant();
        ApiClient api = new ApiClient(server.getURI(), json);
        String issued = api.login("sam@" + tenant, "password-of-sam1");

        assertThat(payload(issued)).containsEntry("iss", "ordo").containsKey("aud");
        assertThat(api.get("/api/v1/work-items?limit=1", issued).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/work-items?limit=1", signed("sam@" + tenant, tenant, "ordo", "ordo-api")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/work-items?limit=1", signed("sam@" + tenant, tenant, "ordo", null)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/work-items?limit=1", signed("sam@" + tenant, tenant, "ordo", "payroll")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/work-items?limit=1", signed("sam@" + tenant, tenant, "someone-else", "ordo-api")).status())
                .isEqualTo(401);
    }

    @Test
    void disablingAUser_revokesTheTokensTheyHold_andTheirSignIn_untilEnabledAgain() throws Exception {
        String tenant = tenant();
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");
        String sam = api.login("sam@" + tenant, "password-of-sam1");
        assertThat(api.get("/api/v1/work-items?limit=1", sam).status()).isEqualTo(200);

        ApiClient.Response disabled = api.post("/api/v1/users/sam@" + tenant + ":disable", admin, Map.of());
        int status = Eventually.value(() -> api.get("/api/v1/work-items?limit=1", sam).status(), answer -> answer != 200,
                Duration.ofSeconds(15));
        int signIn = api.post("/login", null, Map.of("username", "sam@" + tenant, "password", "password-of-sam1")).status();
        ApiClient.Response otherTenant = api.post("/api/v1/users/alice@demo:disable", admin, Map.of());
        api.post("/api/v1/users/sam@" + tenant + ":enable", admin, Map.of());

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body()).containsEntry("enabled", false);
        assertThat(status).as("the live token is refused within the check's cache time").isEqualTo(401);
        assertThat(signIn).isEqualTo(401);
        assertThat(otherTenant.status()).as("another tenant's user is not found").isEqualTo(404);
        assertThat(api.login("sam@" + tenant, "password-of-sam1")).isNotBlank();
    }

    @Test
    void theCacheOfValidatedTokens_isAskedBeforeAnyTokenIsValidated_andItsTokensStillWork() throws Exception {
        List<String> validators = context.getBeansOfType(io.micronaut.security.token.validator.TokenValidator.class).stream()
                .map(v -> v.getClass().getSimpleName()).toList();
        String tenant = tenant();
        ApiClient api = new ApiClient(server.getURI(), json);
        String sam = api.login("sam@" + tenant, "password-of-sam1");

        assertThat(validators).first().isEqualTo("ValidatedTokens");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/work-items?limit=1", sam).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/work-items?limit=1", sam.substring(0, sam.length() - 2) + "AA").status()).isEqualTo(401);
    }
}
