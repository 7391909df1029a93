package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes and reads of item details land in a hash-chained audit log that refuses edits and names a tampered row. */
@MicronautTest(transactional = false)
class AuditTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    EmbeddedPostgresServer postgres;

    @Test
    void auditChain_recordsChangesAndReads_refusesUpdates_andVerifyNamesATamperedRow() throws Exception {
        String tenant = "au-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Audit", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada", "password-of-ada", Set.of(Role.TENANT_ADMIN))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String admin = api.login("ada@" + tenant, "password-of-ada");
        String file;
        try (InputStream in = AuditTest.class.getResourceAsStream("/x12/multi-payer.835")) {
            file = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String itemId = api.postRaw("/api/v1/inbound/x12/835", admin, file, "application/edi-x12").list("claims").stream()
                .filter(c -> "created".equals(c.get("outcome"))).findFirst().orElseThrow().get("workItemId").toString();
        ApiClient.Response read = api.get("/api/v1/work-items/" + itemId, admin);
        api.post("/api/v1/work-items/" + itemId + "/claim", admin, Map.of());
        ApiClient.Response refused = api.post("/api/v1/work-items/" + itemId + "/resume", admin, Map.of());

        String created = api.post("/api/v1/work-items", admin, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                "externalId", "AUDIT-1"), "title", "Price hold", "amount", Map.of("value", "10.00", "currency", "USD"))).string("id");
        api.put("/api/v1/queues/audit-q", admin, Map.of("name", "Audited queue"));
        List<Map<String, Object>> creation = api.get("/api/v1/audit?entity=" + created, admin).list("items");
        List<Map<String, Object>> queue = api.get("/api/v1/audit?entity=audit-q", admin).list("items");
        List<Map<String, Object>> all = api.get("/api/v1/audit?entity=" + itemId, admin).list("items");
        Map<String, Object> refusedEntry = all.get(0);
        List<Map<String, Object>> entries = all.subList(1, all.size());
        ApiClient.Response intact = api.post("/api/v1/audit:verify", admin, Map.of());

        assertThat(creation).extracting(e -> e.get("action")).containsExactly("post /api/v1/work-items");
        assertThat(queue).extracting(e -> e.get("action")).containsExactly("put /api/v1/queues/{id}");
        assertThat(read.header("X-Request-Id")).isNotBlank();
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("post /api/v1/work-items/{id}/claim", "read");
        assertThat(entries.get(1).get("requestId")).isEqualTo(read.header("X-Request-Id"));
        assertThat(entries).allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("ada@" + tenant));
        @SuppressWarnings("unchecked")
        Map<String, Object> claimDetails = (Map<String, Object>) entries.get(0).get("details");
        assertThat(claimDetails).as("written in the claim's own transaction").containsEntry("status", "committed");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refusedEntry.get("action")).isEqualTo("post /api/v1/work-items/{id}/resume");
        assertThat(refusedEntry.get("details").toString()).contains("status=409");
        assertThat(claimDetails).containsEntry("before.status", "READY").containsEntry("after.status", "CLAIMED")
                .containsEntry("before.assignee", "").containsEntry("after.assignee", "ada@" + tenant)
                .doesNotContainKey("before.queue");
        assertThat(entries.get(0).toString()).doesNotContain("PCN10001").doesNotContain("W123456789");
        assertThat(intact.body()).containsEntry("intact", true);
        assertThat(((Number) intact.body().get("checked")).intValue()).isGreaterThanOrEqualTo(3);

        assertThatThrownBy(() -> execute("update audit_log set action = 'nothing happened' where tenant_id = '" + tenant + "' and seq = 2"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("update audit_log set hash = repeat('0', 64) where tenant_id = '" + tenant + "' and seq = 2"))
                .as("a chained entry is never re-chained").isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from audit_log where tenant_id = '" + tenant + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        execute("alter table audit_log disable trigger audit_log_append_only");
        try {
            execute("update audit_log set actor = 'someone-else' where tenant_id = '" + tenant + "' and seq = 2");
        } finally {
            execute("alter table audit_log enable trigger audit_log_append_only");
        }
        ApiClient.Response broken = api.post("/api/v1/audit:verify", admin, Map.of());

        assertThat(broken.body()).containsEntry("intact", false).containsEntry("firstBrokenSeq", 2);
        assertThat(broken.string("reason")).contains("altered");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
