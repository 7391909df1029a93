package health.ordo.bootstrap;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens of an external identity provider, validated against its JWKS (configured per deployment with
 * {@code micronaut.security.token.jwt.signatures.jwks.<name>.url}): accepted when signed by a key of the set and carrying
 * Ordo's {@code tenant} and {@code roles} claims; refused (401) when signed by another key, expired, or without a tenant.
 */
@MicronautTest(transactional = false)
class ExternalIdentityProviderTest {

    @Inject
    EmbeddedPostgresServer postgres;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeploymentTrustsItsIdentityProvidersKeys_andNoOthers() throws Exception {
        RSAKey idpKey = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        RSAKey strangerKey = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = new JWKSet(idpKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        Map<String, Object> properties = SecondNode.properties(postgres, "idp-node-secret-that-is-long-enough-0123456789");
        properties.put("micronaut.server.port", "-1");
        properties.put("ordo.security.idp.issuer", "https://idp.hospital.example");
        properties.put("ordo.security.idp.audience", "ordo");
        properties.put("micronaut.security.token.jwt.signatures.jwks.idp.url",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            URI items = server.getURI().resolve("/api/v1/work-items?limit=1");
            String good = token(idpKey, "dana@hospital.example", "demo", List.of("SUPERVISOR"), Instant.now().plusSeconds(300));
            String stranger = token(strangerKey, "dana@hospital.example", "demo", List.of("SUPERVISOR"), Instant.now().plusSeconds(300));
            String expired = token(idpKey, "dana@hospital.example", "demo", List.of("SUPERVISOR"), Instant.now().minusSeconds(300));
            String noTenant = token(idpKey, "dana@hospital.example", null, List.of("SUPERVISOR"), Instant.now().plusSeconds(300));
            String workerOnly = token(idpKey, "wes@hospital.example", "demo", List.of("WORKER"), Instant.now().plusSeconds(300));
            String otherAudience = token(idpKey, "dana@hospital.example", "demo", List.of("SUPERVISOR"), Instant.now().plusSeconds(300),
                    "https://idp.hospital.example", "payroll");
            String otherIssuer = token(idpKey, "dana@hospital.example", "demo", List.of("SUPERVISOR"), Instant.now().plusSeconds(300),
                    "https://elsewhere.example", "ordo");
            String noAudience = token(idpKey, "dana@hospital.example", "demo", List.of("SUPERVISOR"), Instant.now().plusSeconds(300),
                    "https://idp.hospital.example", null);

            assertThat(get(items, good)).isEqualTo(200);
            assertThat(get(items, stranger)).isEqualTo(401);
            assertThat(get(items, expired)).isEqualTo(401);
            assertThat(get(items, noTenant)).isIn(401, 403);
            assertThat(get(items, otherAudience)).as("a token the provider issued for another application").isEqualTo(401);
            assertThat(get(items, otherIssuer)).as("a token of an issuer not configured").isEqualTo(401);
            assertThat(get(items, noAudience)).as("a token without audience").isEqualTo(401);
            assertThat(get(server.getURI().resolve("/api/v1/queues"), workerOnly)).as("roles from the IdP's token apply").isEqualTo(403);
        } finally {
            jwks.stop(0);
        }
    }

    private int get(URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String token(RSAKey key, String subject, String tenant, List<String> roles, Instant expires) throws Exception {
        return token(key, subject, tenant, roles, expires, "https://idp.hospital.example", "ordo");
    }

    private static String token(RSAKey key, String subject, String tenant, List<String> roles, Instant expires, String issuer,
                                String audience) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(new Date()).expirationTime(Date.from(expires)).claim("roles", roles);
        if (audience != null) {
            claims.audience(audience);
        }
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
