package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Prioritization end to end over HTTP: explanation, policy draft → simulate → activate → job, overrides and roles. */
@MicronautTest(transactional = false)
class PrioritizationApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provisionTenant;
    @Inject
    IngestWorkItemUseCase ingest;

    private ApiClient api;
    private String tenant;
    private String admin;
    private String sam;
    private String lee;
    private String worker;

    @BeforeEach
    void newTenantWithBacklog() {
        api = new ApiClient(server.getURI(), json);
        tenant = "prio-" + UUID.randomUUID().toString().substring(0, 6);
        TenantId id = TenantId.of(tenant);
        provisionTenant.provision(id, "Prioritization test", List.of(
                user("ada", Role.TENANT_ADMIN), user("sam", Role.SUPERVISOR), user("lee", Role.SUPERVISOR), user("wally", Role.WORKER)));
        List<WorkItemContent> items = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 30; i++) {
            // Small amounts due soon, large amounts due late: the builtin policy and a money-only policy disagree.
            String amount = (i < 15 ? 100 + i : 50_000 + 1_000 * i) + ".00";
            Instant due = now.plus(Duration.ofDays(i < 15 ? 1 : 60));
            items.add(new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("oracle-fusion", "H-" + i),
                    "Invoice hold " + i, Money.of(amount, "USD"), due, null,
                    Attributes.of(Map.of("supplier", "Medline Industries", "holdName", "PRICE")), null));
        }
        ingest.ingestBatch(id, items, Actor.SYSTEM);
        admin = api.login("ada@" + tenant, "password-of-ada");
        sam = api.login("sam@" + tenant, "password-of-sam");
        lee = api.login("lee@" + tenant, "password-of-lee");
        worker = api.login("wally@" + tenant, "password-of-wally");
    }

    private ProvisionTenantUseCase.NewUser user(String name, Role role) {
        return new ProvisionTenantUseCase.NewUser(Login.parse(name + "@" + tenant), name, "password-of-" + name, Set.of(role));
    }

    private List<Map<String, Object>> backlog(String token) {
        return api.get("/api/v1/work-items?limit=100", token).list("items");
    }

    private static Map<String, Object> moneyOnlyPolicy() {
        return Map.of("policyId", "money-first", "description", "largest amounts first",
                "factors", List.of(Map.of("factor", "FINANCIAL_IMPACT", "weight", 1, "parameters", Map.of("cap", 1000000))),
                "rules", List.of(Map.of("name", "nothing under 50", "when", List.of(Map.of("field", "amount", "operator", "lt", "value", "50")),
                        "effect", "CEILING", "value", 5)));
    }

    @Test
    void everyItem_carriesAnExplanationWithFactorsRulesAndPolicyVersion() {
        String id = backlog(sam).get(0).get("id").toString();

        ApiClient.Response item = api.get("/api/v1/work-items/" + id, sam);
        ApiClient.Response score = api.get("/api/v1/work-items/" + id + "/score", worker);

        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) item.body().get("scoreExplanation");
        assertThat(explanation).containsEntry("policyId", "builtin").containsEntry("policyVersion", 0).containsKey("rules");
        assertThat((List<?>) explanation.get("factors")).hasSize(7);
        assertThat(explanation.get("computedScore").toString()).isEqualTo(item.string("priorityScore"));
        assertThat(score.status()).isEqualTo(200);
        assertThat(score.body()).containsKeys("explanation", "override", "overrideApplies");
    }

    @Test
    void draftSimulateActivate_changesTheBacklogOrderAndTheJobReaches100Percent() throws Exception {
        assertThat(backlog(sam).get(0).get("title").toString()).as("builtin: small but urgent first").isIn(
                java.util.stream.IntStream.range(0, 15).mapToObj(i -> "Invoice hold " + i).toList());

        ApiClient.Response draft = api.post("/api/v1/priority-policies", admin, moneyOnlyPolicy());
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.header("Location")).isEqualTo("/api/v1/priority-policies/money-first/versions/1");
        assertThat(draft.string("status")).isEqualTo("DRAFT");

        ApiClient.Response simulation = api.post("/api/v1/priority-policies:simulate", admin,
                Map.of("policyId", "money-first", "version", 1, "topN", 10, "urgentWithinBusinessDays", 2));
        assertThat(simulation.status()).isEqualTo(200);
        assertThat(simulation.body()).containsEntry("items", 30).containsEntry("topN", 10);
        assertThat((List<?>) simulation.body().get("entering")).hasSize(10);
        assertThat(new BigDecimal(simulation.string("moneyInTopNAfter"))).isGreaterThan(new BigDecimal(simulation.string("moneyInTopNBefore")));
        assertThat(((Number) simulation.body().get("urgentOutsideTopNAfter")).intValue()).isGreaterThan(0);
        assertThat(new BigDecimal(simulation.string("kendallTau"))).isLessThan(BigDecimal.ZERO);
        assertThat(backlog(sam).get(0).get("title").toString()).as("simulation changes nothing")
                .isIn(java.util.stream.IntStream.range(0, 15).mapToObj(i -> "Invoice hold " + i).toList());

        ApiClient.Response activation = api.post("/api/v1/priority-policies/money-first/versions/1:activate", admin, Map.of());
        assertThat(activation.status()).isEqualTo(202);
        String jobUrl = activation.header("Location");
        ApiClient.Response job = Eventually.value(() -> api.get(jobUrl, admin), answer -> "SUCCEEDED".equals(answer.string("state")),
                Duration.ofSeconds(30));
        assertThat(job.string("state")).isEqualTo("SUCCEEDED");
        assertThat(((Number) job.body().get("percent")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) job.body().get("total")).longValue()).isEqualTo(30);

        List<Map<String, Object>> after = backlog(sam);
        assertThat(after.get(0).get("title")).isEqualTo("Invoice hold 29");
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) api.get("/api/v1/work-items/" + after.get(0).get("id"), sam)
                .body().get("scoreExplanation");
        assertThat(explanation).containsEntry("policyId", "money-first").containsEntry("policyVersion", 1);
        assertThat(api.get("/api/v1/priority-policies/money-first/versions/1", admin).string("status")).isEqualTo("ACTIVE");
    }

    @Test
    void invalidPolicy_isRefusedNamingEachPartAtFault() {
        Map<String, Object> bad = Map.of("policyId", "broken",
                "factors", List.of(Map.of("factor", "GUT_FEELING", "weight", 1), Map.of("factor", "AGING", "weight", 0)),
                "rules", List.of(Map.of("name", "x", "when", List.of(Map.of("field", "payerMood", "operator", "eq", "value", "bad")),
                        "effect", "FLOOR", "value", 10)));
        Map<String, Object> zeroWeights = Map.of("policyId", "zero", "factors", List.of(Map.of("factor", "AGING", "weight", 0)));
        Map<String, Object> badRule = Map.of("policyId", "badrule", "factors", List.of(Map.of("factor", "AGING", "weight", 1)),
                "rules", List.of(Map.of("name", "x", "when", List.of(Map.of("field", "payerMood", "operator", "eq", "value", "bad")),
                        "effect", "FLOOR", "value", 10)));

        ApiClient.Response unknownFactor = api.post("/api/v1/priority-policies", admin, bad);
        ApiClient.Response zero = api.post("/api/v1/priority-policies", admin, zeroWeights);
        ApiClient.Response unknownField = api.post("/api/v1/priority-policies", admin, badRule);

        assertThat(unknownFactor.status()).isEqualTo(400);
        assertThat(unknownFactor.contentType()).startsWith("application/problem+json");
        assertThat(unknownFactor.list("errors")).extracting(e -> e.get("field")).contains("factors[0].factor");
        assertThat(zero.list("errors")).extracting(e -> e.get("message").toString()).anyMatch(m -> m.contains("sum to zero"));
        assertThat(unknownField.list("errors")).extracting(e -> e.get("field")).containsExactly("rules[0].when[0].field");
    }

    @Test
    void workerMayNotManagePoliciesOrOverride() {
        String id = backlog(worker).get(0).get("id").toString();

        assertThat(api.post("/api/v1/priority-policies", worker, moneyOnlyPolicy()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/priority-policies", worker).status()).isEqualTo(403);
        ApiClient.Response override = api.post("/api/v1/work-items/" + id + "/priority-override", worker,
                Map.of("target", "PIN_TOP", "reasonCode", "PAYER_ESCALATION", "expiresAt", Instant.now().plusSeconds(3600).toString()));
        assertThat(override.status()).isEqualTo(403);
        assertThat(override.contentType()).startsWith("application/problem+json");
    }

    @Test
    void largeOverride_needsASecondSupervisor_andThenPinsTheItemToTheTop() {
        List<Map<String, Object>> items = backlog(sam);
        String last = items.get(items.size() - 1).get("id").toString();

        ApiClient.Response requested = api.post("/api/v1/work-items/" + last + "/priority-override", sam,
                Map.of("target", "PIN_TOP", "reasonCode", "EXECUTIVE_REQUEST", "comment", "CFO asked",
                        "expiresAt", Instant.now().plusSeconds(3600).toString()));
        assertThat(requested.status()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> override = (Map<String, Object>) requested.body().get("override");
        assertThat(override).containsEntry("status", "PENDING_APPROVAL");
        assertThat(requested.body()).containsEntry("overrideApplies", false);
        String overrideId = override.get("id").toString();

        ApiClient.Response selfApproval = api.post("/api/v1/work-items/" + last + "/priority-override/" + overrideId + ":approve", sam, Map.of());
        assertThat(selfApproval.status()).isEqualTo(409);
        assertThat(selfApproval.string("rule")).isEqualTo("FOUR_EYES");

        ApiClient.Response approved = api.post("/api/v1/work-items/" + last + "/priority-override/" + overrideId + ":approve", lee, Map.of());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).containsEntry("overrideApplies", true);
        assertThat(backlog(sam).get(0).get("id")).isEqualTo(last);
        assertThat(api.get("/api/v1/work-items/" + last, sam).list("history")).extracting(h -> h.get("action"))
                .contains("override-requested", "override-approved");
    }

    @Test
    void expiredOverride_noLongerApplies() throws Exception {
        String id = backlog(sam).get(5).get("id").toString();
        String computed = api.get("/api/v1/work-items/" + id, sam).string("priorityScore");

        ApiClient.Response applied = api.post("/api/v1/work-items/" + id + "/priority-override", sam,
                Map.of("target", "SCORE", "score", new BigDecimal(computed).add(BigDecimal.TEN).min(BigDecimal.valueOf(100)),
                        "reasonCode", "PAYER_ESCALATION", "expiresAt", Instant.now().plusSeconds(2).toString()));
        assertThat(applied.body()).containsEntry("overrideApplies", true);

        ApiClient.Response item = Eventually.value(() -> api.get("/api/v1/work-items/" + id, sam),
                answer -> answer.list("history").stream().anyMatch(h -> "override-expired".equals(h.get("action"))),
                Duration.ofSeconds(30));
        assertThat(item.list("history")).extracting(h -> h.get("action")).contains("override-expired");
        ApiClient.Response score = api.get("/api/v1/work-items/" + id + "/score", sam);
        assertThat(score.body()).containsEntry("overrideApplies", false);
        BigDecimal computed2 = new BigDecimal(((Map<?, ?>) score.body().get("explanation")).get("computedScore").toString());
        BigDecimal boost = new BigDecimal(score.string("slaBoost"));
        assertThat(new BigDecimal(score.string("priorityScore"))).as("back to the computed score plus any SLA boost")
                .isEqualByComparingTo(computed2.add(boost).min(BigDecimal.valueOf(100)));
    }

    @Test
    void overrideWithUnknownReasonCode_isRefusedNamingTheField() {
        String id = backlog(sam).get(0).get("id").toString();

        ApiClient.Response response = api.post("/api/v1/work-items/" + id + "/priority-override", sam,
                Map.of("target", "PIN_BOTTOM", "reasonCode", "BECAUSE", "expiresAt", Instant.now().plusSeconds(60).toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list("errors")).extracting(e -> e.get("field")).containsExactly("reasonCode");
    }
}
