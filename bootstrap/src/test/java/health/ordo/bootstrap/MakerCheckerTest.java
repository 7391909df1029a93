package health.ordo.bootstrap;

import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.service.approval.ApprovalService;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maker-checker over HTTP: with the tenant's rules on, a large write-off, a priority policy activation, an SLA policy
 * activation and a change of connector credentials are held (202) until someone other than the maker approves them.
 */
@MicronautTest(transactional = false)
class MakerCheckerTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;
    @Inject
    EmbeddedPostgresServer postgres;
    @Inject
    ApprovalService approvals;

    private ApiClient api;
    private String tenant;
    private String maker;
    private String checker;
    private String lead;

    @BeforeEach
    void tenantWithRules() {
        tenant = "mc-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Maker checker", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("mia@" + tenant), "Mia", "password-of-mia", Set.of(Role.WORKER, Role.SUPERVISOR, Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("carl@" + tenant), "Carl", "password-of-carl", Set.of(Role.SUPERVISOR, Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("lee@" + tenant), "Lee", "password-of-lee", Set.of(Role.SUPERVISOR))));
        api = new ApiClient(server.getURI(), json);
        maker = api.login("mia@" + tenant, "password-of-mia");
        checker = api.login("carl@" + tenant, "password-of-carl");
        lead = api.login("lee@" + tenant, "password-of-lee");
        ApiClient.Response rules = api.put("/api/v1/approval-settings", maker, Map.of("writeOffThreshold", Map.of("value", "1000.00", "currency", "USD"),
                "required", List.of("PRIORITY_POLICY_ACTIVATION", "SLA_POLICY_ACTIVATION", "CONNECTOR_CREDENTIALS")));
        assertThat(rules.status()).isEqualTo(200);
        assertThat(api.put("/api/v1/workers/mia@" + tenant, maker, Map.of("capacity", 20, "available", true)).status()).isEqualTo(201);
    }

    private String inProgressItem(String externalId, String amount) {
        ApiClient.Response created = api.post("/api/v1/work-items", maker, Map.of("type", "UNDERPAYMENT",
                "source", Map.of("system", "payer-835", "externalId", externalId), "title", "Short paid " + externalId,
                "amount", Map.of("value", amount, "currency", "USD")));
        String id = created.string("id");
        assertThat(api.post("/api/v1/work-items/" + id + "/claim", maker, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/work-items/" + id + "/start", maker, Map.of()).status()).isEqualTo(200);
        return id;
    }

    @Test
    void aLargeWriteOffWaitsForASecondPerson_andTheMakerCannotApproveIt() {
        String large = inProgressItem("WO-LARGE", "5000.00");
        String small = inProgressItem("WO-SMALL", "400.00");

        ApiClient.Response held = api.post("/api/v1/work-items/" + large + "/complete", maker, Map.of("resolutionCode", "WRITE_OFF"));
        ApiClient.Response smallDone = api.post("/api/v1/work-items/" + small + "/complete", maker, Map.of("resolutionCode", "WRITE_OFF"));
        ApiClient.Response stillOpen = api.get("/api/v1/work-items/" + large, maker);
        String approval = held.string("id");
        ApiClient.Response selfApproval = api.post("/api/v1/approvals/" + approval + ":approve", maker, Map.of());
        ApiClient.Response pending = api.get("/api/v1/approvals?status=PENDING", lead);
        ApiClient.Response approved = api.post("/api/v1/approvals/" + approval + ":approve", lead, Map.of("note", "checked the contract"));
        ApiClient.Response again = api.post("/api/v1/approvals/" + approval + ":approve", checker, Map.of());
        ApiClient.Response done = api.get("/api/v1/work-items/" + large, maker);

        assertThat(held.status()).isEqualTo(202);
        assertThat(held.header("Location")).isEqualTo("/api/v1/approvals/" + approval);
        assertThat(held.string("kind")).isEqualTo("WRITE_OFF");
        assertThat(held.string("status")).isEqualTo("PENDING");
        assertThat(held.string("summary")).contains("5000.00 USD");
        assertThat(smallDone.status()).isEqualTo(200);
        assertThat(smallDone.string("status")).isEqualTo("COMPLETED");
        assertThat(stillOpen.string("status")).isEqualTo("IN_PROGRESS");
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.string("detail")).contains("someone other than its maker");
        assertThat(pending.list("items")).extracting(i -> i.get("id")).containsExactly(approval);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.string("status")).isEqualTo("APPROVED");
        assertThat(approved.string("decidedBy")).isEqualTo("lee@" + tenant);
        assertThat(approved.string("outcome")).contains("COMPLETED").contains("WRITE_OFF");
        assertThat(again.status()).isEqualTo(403);
        assertThat(done.string("status")).isEqualTo("COMPLETED");
        assertThat(done.string("resolutionCode")).isEqualTo("WRITE_OFF");
        assertThat(done.string("assignee")).isEqualTo("mia@" + tenant);
    }

    @Test
    void policyActivationsWaitForATenantAdmin_andARejectionActivatesNothing() {
        ApiClient.Response draft = api.post("/api/v1/priority-policies", maker, Map.of("policyId", "money-first",
                "factors", List.of(Map.of("factor", "FINANCIAL_IMPACT", "weight", 1, "parameters", Map.of("cap", 1000000)))));
        assertThat(draft.status()).isEqualTo(201);

        ApiClient.Response held = api.post("/api/v1/priority-policies/money-first/versions/1:activate", maker, Map.of());
        ApiClient.Response whileHeld = api.get("/api/v1/priority-policies/money-first/versions/1", maker);
        ApiClient.Response byLead = api.post("/api/v1/approvals/" + held.string("id") + ":approve", lead, Map.of());
        ApiClient.Response approved = api.post("/api/v1/approvals/" + held.string("id") + ":approve", checker, Map.of());
        ApiClient.Response afterwards = api.get("/api/v1/priority-policies/money-first/versions/1", maker);

        assertThat(held.status()).isEqualTo(202);
        assertThat(whileHeld.string("status")).isEqualTo("DRAFT");
        assertThat(byLead.status()).isEqualTo(403);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.string("outcome")).contains("money-first v1 active");
        assertThat(afterwards.string("status")).isEqualTo("ACTIVE");

        ApiClient.Response sla = api.post("/api/v1/sla-policies", maker, Map.of("policyId", "underpayments-fast", "appliesTo", "UNDERPAYMENT",
                "goal", "PT4H", "deadline", "PT8H"));
        ApiClient.Response noNote = api.post("/api/v1/approvals/" + sla.string("id") + ":reject", checker, Map.of());
        ApiClient.Response rejected = api.post("/api/v1/approvals/" + sla.string("id") + ":reject", checker, Map.of("note", "8 hours is not enough"));
        ApiClient.Response policies = api.get("/api/v1/sla-policies", maker);

        assertThat(sla.status()).isEqualTo(202);
        assertThat(sla.string("kind")).isEqualTo("SLA_POLICY_ACTIVATION");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(rejected.string("status")).isEqualTo("REJECTED");
        assertThat(rejected.string("note")).isEqualTo("8 hours is not enough");
        assertThat(policies.raw().body()).contains("underpayments-fast");
        assertThat(policies.raw().body()).doesNotContainPattern("\"policyId\":\"underpayments-fast\"[^}]*\"active\":true");
    }

    @Test
    void newConnectorCredentialsWaitForApproval_sealedAndNeverShown() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        ApiClient.Response held = api.put("/api/v1/connectors/oracle-ap", maker, Map.of("type", "oracle-fusion-invoice-holds",
                "baseUrl", "http://127.0.0.1:9", "enabled", false, "options", Map.of("auth", "basic", "username", "ap.integration"),
                "secrets", Map.of("password", secret)));
        ApiClient.Response before = api.get("/api/v1/connectors/oracle-ap", maker);
        ApiClient.Response listed = api.get("/api/v1/approvals", checker);
        String stored;
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement statement = owner.prepareStatement("select parameters::text || coalesce(sealed_secrets, '') from approval_request where id = ?")) {
            statement.setObject(1, UUID.fromString(held.string("id")));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                stored = rs.getString(1);
            }
        }
        ApiClient.Response approved = api.post("/api/v1/approvals/" + held.string("id") + ":approve", checker, Map.of());
        ApiClient.Response after = api.get("/api/v1/connectors/oracle-ap", maker);

        assertThat(held.status()).isEqualTo(202);
        assertThat(held.raw().body()).doesNotContain(secret).contains("\"secret.password\":\"(secret)\"");
        assertThat(listed.raw().body()).doesNotContain(secret);
        assertThat(stored).doesNotContain(secret);
        assertThat(before.status()).isEqualTo(404);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.raw().body()).doesNotContain(secret);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.raw().body()).doesNotContain(secret).contains("password");
    }

    @Test
    void aRequestNobodyDecidesExpires_onceAndAudited_andCanNoLongerBeApproved() throws Exception {
        String staleItem = inProgressItem("WO-STALE", "7000.00");
        String freshItem = inProgressItem("WO-FRESH", "6000.00");
        String stale = api.post("/api/v1/work-items/" + staleItem + "/complete", maker, Map.of("resolutionCode", "WRITE_OFF")).string("id");
        String fresh = api.post("/api/v1/work-items/" + freshItem + "/complete", maker, Map.of("resolutionCode", "WRITE_OFF")).string("id");
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement backdate = owner.prepareStatement("update approval_request set requested_at = requested_at - interval '8 days' where id = ?")) {
            backdate.setObject(1, UUID.fromString(stale));
            assertThat(backdate.executeUpdate()).isEqualTo(1);
        }

        ApiClient.Response late = api.post("/api/v1/approvals/" + stale + ":approve", checker, Map.of());
        approvals.expireOverdue(2);
        approvals.expireOverdue(2);
        ApiClient.Response expired = api.get("/api/v1/approvals/" + stale, checker);
        ApiClient.Response stillPending = api.get("/api/v1/approvals/" + fresh, checker);
        ApiClient.Response listed = api.get("/api/v1/approvals?status=EXPIRED", checker);
        ApiClient.Response afterExpiry = api.post("/api/v1/approvals/" + stale + ":approve", checker, Map.of());
        ApiClient.Response item = api.get("/api/v1/work-items/" + staleItem, maker);
        List<Map<String, Object>> audit = api.get("/api/v1/audit?entity=" + stale, maker).list("items");

        assertThat(late.status()).isEqualTo(403);
        assertThat(late.string("detail")).contains("was not decided within PT168H");
        assertThat(expired.string("status")).isEqualTo("EXPIRED");
        assertThat(expired.string("decidedBy")).isEqualTo("system:approval-expiry");
        assertThat(stillPending.string("status")).isEqualTo("PENDING");
        assertThat(listed.list("items")).extracting(i -> i.get("id")).containsExactly(stale);
        assertThat(afterExpiry.status()).isEqualTo(403);
        assertThat(item.string("status")).as("an expired write-off runs nothing").isEqualTo("IN_PROGRESS");
        assertThat(audit).filteredOn(e -> "approval-expired".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat(e.get("actor")).isEqualTo("system:approval-expiry"));
    }

    @Test
    void looseningTheRulesIsItselfHeld_tighteningIsNot() {
        ApiClient.Response loosen = api.put("/api/v1/approval-settings", maker, Map.of("required", List.of("CONNECTOR_CREDENTIALS")));
        ApiClient.Response unchanged = api.get("/api/v1/approval-settings", maker);
        ApiClient.Response approved = api.post("/api/v1/approvals/" + loosen.string("id") + ":approve", checker, Map.of());
        ApiClient.Response loosened = api.get("/api/v1/approval-settings", maker);
        ApiClient.Response tighten = api.put("/api/v1/approval-settings", maker, Map.of("writeOffThreshold",
                Map.of("value", "500.00", "currency", "USD"), "required", List.of("CONNECTOR_CREDENTIALS", "SLA_POLICY_ACTIVATION")));

        assertThat(loosen.status()).isEqualTo(202);
        assertThat(loosen.string("kind")).isEqualTo("APPROVAL_RULES_CHANGE");
        assertThat(unchanged.body().get("required")).asList().hasSize(3);
        assertThat(approved.string("status")).isEqualTo("APPROVED");
        assertThat(loosened.body().get("required")).asList().containsExactly("CONNECTOR_CREDENTIALS");
        assertThat(loosened.body().get("writeOffThreshold")).isNull();
        assertThat(tighten.status()).isEqualTo(200);
    }
}
