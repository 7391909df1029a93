package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.audit.AuditEntry;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HIPAA 164.312(b): lists and searches of work items, FHIR Task reads, sign-ins (failed and refused too) and token grants
 * are audited; a PHI read whose entry cannot be written is not answered.
 */
@MicronautTest(transactional = false)
class AuditGapsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    AuditUseCase audit;
    @Inject
    EmbeddedPostgresServer postgres;

    private String tenant() {
        return FreshTenant.provision(provision, "ag");
    }

    private List<AuditEntry> entries(String tenant, String entityType) {
        return audit.list(TenantId.of(tenant), entityType, null, 200).stream().filter(e -> entityType.equals(e.entityType())).toList();
    }

    @Test
    void listsAndSearches_areAuditedWithTheirFilterAndCount_andFhirTaskReadsToo() {
        String tenant = tenant();
        ApiClient api = new ApiClient(server.getURI(), json);
        String sam = api.login("sam@" + tenant, "password-of-sam1");
        String id = api.post("/api/v1/work-items", sam, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                "externalId", "AG-1"), "title", "Price hold", "amount", Map.of("value", "10.00", "currency", "USD"))).string("id");

        ApiClient.Response list = api.get("/api/v1/work-items?status=READY&limit=5", sam);
        ApiClient.Response search = api.get("/api/v1/fhir/Task?status=ready&_count=3", sam);
        api.get("/api/v1/fhir/Task/" + id, sam);

        assertThat(list.status()).isEqualTo(200);
        assertThat(search.status()).isEqualTo(200);
        List<AuditEntry> workItems = entries(tenant, "work-items");
        assertThat(workItems).filteredOn(e -> e.action().equals("search")).singleElement().satisfies(e -> {
            assertThat(e.details()).containsEntry("filter", "status=READY&limit=5").containsEntry("count", "1");
            assertThat(e.requestId()).isEqualTo(list.header("X-Request-Id"));
        });
        List<AuditEntry> tasks = entries(tenant, "fhir");
        assertThat(tasks).extracting(AuditEntry::action).contains("search", "read");
        assertThat(tasks).filteredOn(e -> e.action().equals("search")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("count", "1").containsEntry("filter", "status=ready&_count=3"));
    }

    @Test
    void signInsFailedSignInsAndRefusals_andTokenGrants_areAudited() {
        String tenant = tenant();
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada1");
        for (int i = 0; i < 6; i++) {
            api.post("/login", null, Map.of("username", "sam@" + tenant, "password", "guess-" + i));
        }
        ApiClient.Response client = api.post("/api/v1/api-clients", admin, Map.of("name", "feed"));
        api.postRaw("/oauth/token", null, "grant_type=client_credentials&client_id=" + client.string("clientId") + "&client_secret="
                + client.string("clientSecret"), "application/x-www-form-urlencoded");

        List<AuditEntry> users = entries(tenant, "users");
        assertThat(users).extracting(AuditEntry::action).contains("sign-in", "sign-in failed", "sign-in refused");
        assertThat(users).filteredOn(e -> e.action().equals("sign-in failed")).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("sam@" + tenant);
            assertThat(e.details().toString()).doesNotContain("guess");
        });
        assertThat(entries(tenant, "api-clients")).extracting(AuditEntry::action).contains("token granted");
    }

    @Test
    void aPhiReadWhoseAuditEntryCannotBeWritten_isNotAnswered() throws Exception {
        String tenant = tenant();
        ApiClient api = new ApiClient(server.getURI(), json);
        String sam = api.login("sam@" + tenant, "password-of-sam1");
        String id = api.post("/api/v1/work-items", sam, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                "externalId", "AG-2"), "title", "Price hold", "amount", Map.of("value", "10.00", "currency", "USD"))).string("id");
        ApiClient.Response list;
        ApiClient.Response item;
        ApiClient.Response task;
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = owner.createStatement()) {
            statement.execute("revoke insert on audit_log from " + EmbeddedPostgresServer.APPLICATION_ROLE);
            try {
                list = api.get("/api/v1/work-items?limit=5", sam);
                item = api.get("/api/v1/work-items/" + id + "/", sam); // a trailing slash is the same read
                task = api.get("/api/v1/fhir/Task/" + id, sam);
            } finally {
                statement.execute("grant insert on audit_log to " + EmbeddedPostgresServer.APPLICATION_ROLE);
            }
        }

        assertThat(List.of(list, item, task)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.raw().body()).doesNotContain("Price hold");
        });
        assertThat(api.get("/api/v1/work-items/" + id, sam).status()).as("audited again, answered again").isEqualTo(200);
    }
}
