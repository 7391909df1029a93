package health.ordo.bootstrap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.api.SearchTotalModeEnum;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ordo's FHIR API driven by the tools an EHR integration engineer already has: HAPI FHIR's generic client in its default
 * mode (it reads the CapabilityStatement first) and HAPI's instance validator, which must find 0 errors in every
 * resource and Bundle the API answers, checked against Ordo's own profile and code systems as the API publishes them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirConformanceTest {

    private static final String TYPES = "https://ordo.health/fhir/CodeSystem/work-item-type";
    private static final String USERS = "https://ordo.health/fhir/sid/user";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private final FhirContext fhir = FhirContext.forR4();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> created = new LinkedHashSet<>();
    private String tenant;
    private String sam;
    private String overdue;
    private String claimed;
    private Instant before;
    private IGenericClient client;
    private FhirValidator validator;

    @BeforeAll
    void items() throws IOException {
        tenant = FreshTenant.provision(provision, "fhirc");
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, FreshTenant.ADA);
        sam = api.login("sam@" + tenant, FreshTenant.SAM);
        before = Instant.now().minusSeconds(1);
        List<String> types = List.of("INVOICE_HOLD", "SUPPLIER_ONBOARDING", "PAYMENT_EXCEPTION");
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("type", types.get(i % 3), "source",
                    Map.of("system", "oracle-fusion", "externalId", "FC-" + i), "title", "Hold <" + i + "> & more",
                    "amount", Map.of("value", String.valueOf(100 + i * 250), "currency", "USD")));
            if (i % 2 == 0) { // created already overdue: the deadline lies before the creation time
                body.put("hardDeadlineAt", Instant.now().minus(2 + i, ChronoUnit.DAYS).toString());
            }
            ApiClient.Response response = api.post("/api/v1/work-items", ada, body);
            assertThat(response.status()).isEqualTo(201);
            created.add(response.string("id"));
        }
        overdue = created.iterator().next();
        try (InputStream in = FhirConformanceTest.class.getResourceAsStream("/fhir/claimresponse-denied.json")) {
            ApiClient.Response denial = api.postRaw("/api/v1/inbound/fhir", ada, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "application/fhir+json");
            created.add(denial.list("claims").get(0).get("workItemId").toString());
        }
        claimed = new ArrayList<>(created).get(1);
        assertThat(api.post("/api/v1/work-items/" + claimed + "/claim", sam, Map.of()).status()).isEqualTo(200);
        String done = new ArrayList<>(created).get(3);
        api.post("/api/v1/work-items/" + done + "/claim", sam, Map.of());
        api.post("/api/v1/work-items/" + done + "/start", sam, Map.of());
        assertThat(api.post("/api/v1/work-items/" + done + "/complete", sam, Map.of("resolutionCode", "RELEASED")).status()).isEqualTo(200);

        client = fhir.newRestfulGenericClient(server.getURI() + "/api/v1/fhir"); // default mode: reads /metadata first
        client.registerInterceptor(new BearerTokenAuthInterceptor(sam));
        validator = validator();
    }

    /** HAPI's validator with the core definitions and, as a validator finds them, Ordo's published conformance resources. */
    private FhirValidator validator() {
        PrePopulatedValidationSupport ordo = new PrePopulatedValidationSupport(fhir);
        for (Class<? extends IBaseResource> type : List.of(CodeSystem.class, ValueSet.class, StructureDefinition.class)) {
            Bundle published = client.search().forResource(type).returnBundle(Bundle.class).execute();
            assertThat(published.getEntry()).isNotEmpty();
            published.getEntry().forEach(e -> ordo.addResource(e.getResource()));
        }
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir), ordo);
        return fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    private List<String> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).toList();
    }

    private String raw(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        return response.body();
    }

    @Test
    void theClient_pagesThroughEverySearchResult_andEveryPageAndTaskIsValid() {
        Bundle page = client.search().forResource(Task.class).count(5).totalMode(SearchTotalModeEnum.ACCURATE)
                .returnBundle(Bundle.class).execute();
        assertThat(page.getTotal()).isEqualTo(created.size());
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            assertThat(errors(page)).as("page %d", pages).isEmpty();
            assertThat(page.getLink("self").getUrl()).startsWith(server.getURI() + "/api/v1/fhir/Task?");
            for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                Task task = (Task) entry.getResource();
                assertThat(entry.getFullUrl()).isEqualTo(server.getURI() + "/api/v1/fhir/Task/" + task.getIdElement().getIdPart());
                seen.add(task.getIdElement().getIdPart());
            }
            if (page.getLink("next") == null) {
                break;
            }
            assertThat(page.getLink("next").getUrl()).startsWith("http");
            page = client.loadPage().next(page).execute();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(created.size()).containsExactlyInAnyOrderElementsOf(created);

        for (String id : created) {
            Task task = client.read().resource(Task.class).withId(id).execute();
            assertThat(errors(task)).as("Task/%s", id).isEmpty();
            assertThat(task.getText().getDivAsString()).contains("<table>");
        }
        Task late = client.read().resource(Task.class).withId(overdue).execute();
        assertThat(late.getRestriction().getPeriod().getEnd()).isBefore(late.getAuthoredOn());
        assertThat(late.getMeta().getProfile()).singleElement().satisfies(p -> assertThat(p.getValue()).endsWith("/StructureDefinition/ordo-task"));
    }

    @Test
    void searchParameters_selectAsTheSpecificationSays_andTheSelfLinkShowsWhichWereApplied() {
        Bundle holds = client.search().forResource(Task.class).where(Task.CODE.exactly().systemAndCode(TYPES, "INVOICE_HOLD"))
                .and(Task.STATUS.exactly().code("ready")).returnBundle(Bundle.class).execute();
        assertThat(holds.getEntry()).as("four holds, one of them completed").hasSize(3).allSatisfy(e -> {
            assertThat(((Task) e.getResource()).getCode().getCodingFirstRep().getCode()).isEqualTo("INVOICE_HOLD");
            assertThat(((Task) e.getResource()).getStatus()).isEqualTo(Task.TaskStatus.READY);
        });
        assertThat(errors(holds)).isEmpty();

        Bundle mine = client.search().forResource(Task.class).whereMap(Map.of("owner:identifier", List.of(USERS + "|sam@" + tenant)))
                .returnBundle(Bundle.class).execute();
        assertThat(mine.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(claimed);
        Bundle practitioner = client.search().forResource(Task.class).where(Task.OWNER.hasId("Practitioner/x")).returnBundle(Bundle.class).execute();
        assertThat(practitioner.getEntry()).as("owners carry no literal reference").isEmpty();
        assertThat(practitioner.getLink("self").getUrl()).contains("owner=Practitioner/x");

        Bundle recent = client.search().forResource(Task.class).lastUpdated(new DateRangeParam(Date.from(before), null))
                .whereMap(Map.of("bogus", List.of("1"))).count(50).returnBundle(Bundle.class).execute();
        assertThat(recent.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)).hasSize(created.size());
        assertThat(recent.getLink("self").getUrl()).contains("_lastUpdated=ge").doesNotContain("bogus");
        assertThat(recent.getEntry()).anySatisfy(e -> {
            assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.OUTCOME);
            assertThat(((OperationOutcome) e.getResource()).getIssueFirstRep().getDiagnostics()).contains("bogus");
        });
        assertThat(errors(recent)).isEmpty();
        Bundle future = client.search().forResource(Task.class).whereMap(Map.of("_lastUpdated", List.of("gt2099-01-01")))
                .returnBundle(Bundle.class).execute();
        assertThat(future.getEntry()).isEmpty();

        Bundle byIdentifier = client.search().forResource(Task.class)
                .where(Task.IDENTIFIER.exactly().systemAndIdentifier("https://ordo.health/fhir/sid/source/oracle-fusion", "FC-4"))
                .returnBundle(Bundle.class).execute();
        assertThat(byIdentifier.getEntry()).singleElement().satisfies(e -> assertThat(((Task) e.getResource()).getDescription()).contains("<4>"));

        Bundle newestFirst = client.search().forResource(Task.class).sort(new SortSpec("authored-on", SortOrderEnum.DESC)).count(4)
                .returnBundle(Bundle.class).execute();
        List<Date> authored = new ArrayList<>();
        while (true) {
            newestFirst.getEntry().forEach(e -> authored.add(((Task) e.getResource()).getAuthoredOn()));
            if (newestFirst.getLink("next") == null) {
                break;
            }
            newestFirst = client.loadPage().next(newestFirst).execute();
        }
        assertThat(authored).hasSize(created.size()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void errors_areOperationOutcomes_andStrictHandlingRefusesUnknownParameters() throws Exception {
        assertThatThrownBy(() -> client.search().forResource(Task.class).where(Task.STATUS.exactly().code("sleeping"))
                .returnBundle(Bundle.class).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("sleeping"));
        assertThatThrownBy(() -> client.search().forResource(Task.class).whereMap(Map.of("bogus", List.of("1")))
                .withAdditionalHeader("Prefer", "handling=strict").returnBundle(Bundle.class).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("bogus"));
        assertThatThrownBy(() -> client.read().resource(Task.class).withId(java.util.UUID.randomUUID().toString()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        IGenericClient anonymous = fhir.newRestfulGenericClient(server.getURI() + "/api/v1/fhir");
        assertThatThrownBy(() -> anonymous.search().forResource(Task.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(AuthenticationException.class);

        for (String[] call : new String[][]{{"/api/v1/fhir/Task", null}, {"/api/v1/fhir/Task?_count=0", sam},
                {"/api/v1/fhir/Task?_lastUpdated=ne2026-01-01", sam}, {"/api/v1/fhir/Task/" + java.util.UUID.randomUUID(), sam}}) {
            OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, raw(call[0], call[1]));
            assertThat(outcome.getIssue()).as(call[0]).isNotEmpty();
            assertThat(errors(outcome)).as(call[0]).isEmpty();
        }
    }

    @Test
    void capabilityStatement_andConformanceResources_tellTheTruth_andAreValid() {
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(f -> f.getValue()).contains("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestResourceComponent task = statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Task")).findFirst().orElseThrow();
        assertThat(task.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactlyInAnyOrder("read", "search-type");
        assertThat(task.getSearchParam()).extracting(p -> p.getName()).contains("_id", "_lastUpdated", "status", "business-status",
                "code", "owner", "requester", "authored-on", "period", "identifier");
        assertThat(statement.getRestFirstRep().getSecurity().getDescription()).contains(server.getURI() + "/oauth/token");
        assertThat(errors(statement)).isEmpty();
        for (Class<? extends IBaseResource> type : List.of(CodeSystem.class, ValueSet.class, StructureDefinition.class)) {
            Bundle published = client.search().forResource(type).returnBundle(Bundle.class).execute();
            assertThat(errors(published)).as(type.getSimpleName()).isEmpty();
        }
        CodeSystem types = client.read().resource(CodeSystem.class).withId("work-item-type").execute();
        assertThat(types.getUrl()).isEqualTo(TYPES);
        assertThat(types.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode).contains("CLAIM_DENIAL", "INVOICE_HOLD");
        Bundle byUrl = client.search().forResource(CodeSystem.class).where(CodeSystem.URL.matches().value(TYPES))
                .returnBundle(Bundle.class).execute();
        assertThat(byUrl.getEntry()).singleElement();
    }
}
