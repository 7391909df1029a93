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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Machine clients: client-credentials tokens, scopes, rotation with grace, revocation; forged tokens are 401. */
@MicronautTest(transactional = false)
class MachineClientTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String signingSecret;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;
    private String admin;
    private String tenant;

    @BeforeEach
    void tenant() {
        tenant = "mc-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Machine clients", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        api = new ApiClient(server.getURI(), json);
        admin = api.login("ada@" + tenant, "password-of-ada");
    }

    private HttpResponse<String> token(String clientId, String secret, String extra) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(server.getURI().resolve("/oauth/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials" + extra)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String accessToken(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class)).get("access_token").toString();
    }

    private String remittance() throws IOException {
        try (InputStream in = MachineClientTest.class.getResourceAsStream("/x12/multi-payer.835")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void clientCredentialsToken_ingestsWithinItsScopes_rotatesWithGrace_andStopsWhenRevoked() throws Exception {
        ApiClient.Response created = api.post("/api/v1/api-clients", admin, Map.of("name", "Clearinghouse SFTP bridge"));
        ApiClient.Response noScopes = api.post("/api/v1/api-clients", admin, Map.of("name", "Nothing at all", "scopes", List.of()));
        assertThat(noScopes.status()).as("an empty scope list is a mistake, not every scope").isEqualTo(400);
        assertThat(noScopes.list("errors")).extracting(e -> e.get("field")).containsExactly("scopes");
        String clientId = created.string("clientId");
        String secret = created.string("clientSecret");

        HttpResponse<String> issued = token(clientId, secret, "");
        HttpResponse<String> readOnly = token(clientId, secret, "&scope=read");
        HttpResponse<String> wrongSecret = token(clientId, "nope", "");
        ApiClient.Response ingest = api.postRaw("/api/v1/inbound/x12/835", accessToken(issued), remittance(), "application/edi-x12");
        ApiClient.Response readerIngests = api.postRaw("/api/v1/inbound/x12/835", accessToken(readOnly), remittance(), "application/edi-x12");
        ApiClient.Response readerReads = api.get("/api/v1/work-items?type=CLAIM_DENIAL", accessToken(readOnly));
        ApiClient.Response listed = api.get("/api/v1/api-clients", admin);

        assertThat(created.status()).isEqualTo(201);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":900");
        assertThat(issued.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        assertThat(token(clientId, secret, "").statusCode()).isEqualTo(200);
        assertThat(ingest.status()).isEqualTo(200);
        assertThat(ingest.body()).containsEntry("itemsCreated", 4);
        assertThat(readerIngests.status()).isEqualTo(403);
        assertThat(readerReads.list("items")).hasSize(4);
        assertThat(listed.raw().body()).doesNotContain(secret);

        ApiClient.Response rotated = api.post("/api/v1/api-clients/" + clientId + ":rotate", admin, Map.of("graceMinutes", 60));
        assertThat(token(clientId, secret, "").statusCode()).as("old secret within its grace").isEqualTo(200);
        assertThat(token(clientId, rotated.string("clientSecret"), "").statusCode()).isEqualTo(200);
        api.post("/api/v1/api-clients/" + clientId + ":rotate", admin, Map.of("graceMinutes", 0));
        assertThat(token(clientId, rotated.string("clientSecret"), "").statusCode()).as("no grace").isEqualTo(401);

        String live = accessToken(issued);
        api.delete("/api/v1/api-clients/" + clientId, admin);
        Thread.sleep(5_200);
        assertThat(token(clientId, secret, "").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/work-items", live).status()).as("an issued token of a revoked client is no credential")
                .isEqualTo(401);
    }

    @Test
    void tokensSignedWithAnotherKey_expired_orWithAnAlteredTenant_are401() throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("ada@" + tenant).claim("tenant", tenant)
                .claim("roles", List.of("TENANT_ADMIN"));
        String otherKey = sign(claims.expirationTime(new Date(System.currentTimeMillis() + 600_000)).build(),
                "another-secret-another-secret-another-secret-0123");
        String expired = sign(claims.expirationTime(new Date(System.currentTimeMillis() - 60_000)).build(), signingSecret);
        String[] parts = admin.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(tenant, "demo");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(api.get("/api/v1/work-items", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/work-items", otherKey).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/work-items", expired).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/work-items", expired).header("WWW-Authenticate")).as("RFC 6750: the API takes bearer tokens")
                .startsWith("Bearer");
        assertThat(api.get("/api/v1/work-items", altered).status()).isEqualTo(401);
    }

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
