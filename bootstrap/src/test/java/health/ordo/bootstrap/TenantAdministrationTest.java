package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform admin provisions and brands a tenant without a redeploy, and sees no tenant's work. */
@MicronautTest(transactional = false)
class TenantAdministrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    @Test
    void platformAdmin_provisionsAndBrandsATenant_whoseAdminSeesOnlyItsOwnData() {
        String operator = "ops-" + UUID.randomUUID().toString().substring(0, 6) + "@platform";
        provision.provision(TenantId.of("platform"), "Ordo platform", List.of(new ProvisionTenantUseCase.NewUser(
                Login.parse(operator), "Ops", "ops-password-123", Set.of(Role.PLATFORM_ADMIN))));
        String other = "oth-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(other), "Other", List.of(new ProvisionTenantUseCase.NewUser(
                Login.parse("ada@" + other), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String ops = api.login(operator, "ops-password-123");
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> request = Map.of("slug", slug, "name", "Acme Health", "timeZone", "America/Chicago",
                "admin", Map.of("username", "root@" + slug, "password", "a-long-acme-password"));

        ApiClient.Response created = api.post("/api/v1/tenants", ops, request);
        ApiClient.Response again = api.post("/api/v1/tenants", ops, request);
        ApiClient.Response badAdmin = api.post("/api/v1/tenants", ops, Map.of("slug", slug + "x", "name", "X",
                "admin", Map.of("username", "root@elsewhere", "password", "a-long-acme-password")));
        ApiClient.Response opsReadsWork = api.get("/api/v1/work-items", ops);
        String root = api.login("root@" + slug, "a-long-acme-password");
        ApiClient.Response branded = api.put("/api/v1/tenants/" + slug + "/branding", root, Map.of("displayName", "Acme Health Revenue Cycle",
                "logoUrl", "https://cdn.acme.example/logo.svg", "primaryColor", "#0B5394", "accentColor", "#F1C232",
                "terminology", Map.of("work item", "case")));
        ApiClient.Response badColour = api.put("/api/v1/tenants/" + slug + "/branding", root, Map.of("displayName", "Acme",
                "primaryColor", "blue", "accentColor", "#F1C232"));
        ApiClient.Response seenByOps = api.get("/api/v1/tenants/" + slug + "/branding", ops);
        ApiClient.Response otherTenantsBranding = api.get("/api/v1/tenants/" + other + "/branding", root);
        ApiClient.Response rootCreatesTenant = api.post("/api/v1/tenants", root, request);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/tenants/" + slug);
        assertThat(api.get(created.header("Location"), ops).string("id")).as("the Location answers").isEqualTo(slug);
        assertThat(api.get("/api/v1/tenants/no-such-tenant", ops).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + slug, root).string("id")).as("its own users read it").isEqualTo(slug);
        assertThat(api.get("/api/v1/tenants/" + other, root).status()).as("another tenant does not exist for them").isEqualTo(404);
        assertThat(again.status()).isEqualTo(409);
        assertThat(badAdmin.list("errors")).extracting(e -> e.get("field")).containsExactly("admin.username");
        assertThat(opsReadsWork.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/work-items", root).list("items")).isEmpty();
        assertThat(api.get("/api/v1/sla-policies", root).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendars/default", root).string("zone")).isEqualTo("America/Chicago");
        assertThat(branded.status()).isEqualTo(200);
        assertThat(badColour.list("errors")).extracting(e -> e.get("field")).containsExactly("primaryColor");
        assertThat(seenByOps.body()).containsEntry("displayName", "Acme Health Revenue Cycle")
                .containsEntry("terminology", Map.of("work item", "case"));
        assertThat(otherTenantsBranding.status()).isEqualTo(404);
        assertThat(rootCreatesTenant.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tenants", ops).list("items")).extracting(t -> t.get("id")).contains(slug, other);
    }
}
