package health.ordo.adapter.fhir;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.Map;

/**
 * What a FHIR client reads before anything else: the CapabilityStatement ({@code GET /api/v1/fhir/metadata}) and Ordo's
 * conformance resources (CodeSystems, ValueSets, the Task profile) by id and by canonical URL. Public, as FHIR servers'
 * are: they describe the software, never a tenant's data.
 */
@Controller(FhirBase.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "FHIR")
class FhirConformanceController {

    private static final Map<String, Map<String, MetadataResource>> RESOURCES = OrdoConformance.all();

    private final FhirJson json;
    private final FhirBase base;
    private final FhirOutcomes outcomes;

    FhirConformanceController(FhirJson json, FhirBase base, FhirOutcomes outcomes) {
        this.json = json;
        this.base = base;
        this.outcomes = outcomes;
    }

    @Get(value = "/metadata", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "The server's FHIR R4 CapabilityStatement")
    HttpResponse<String> metadata(HttpRequest<?> request) {
        String fhirBase = base.of(request);
        String token = fhirBase.substring(0, fhirBase.length() - FhirBase.PATH.length()) + "/oauth/token";
        return ok(json.encode(OrdoConformance.capabilities(fhirBase, token)));
    }

    @Get(value = "/CodeSystem/{id}", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "One of Ordo's CodeSystems")
    HttpResponse<String> codeSystem(@PathVariable String id) {
        return read("CodeSystem", id);
    }

    @Get(value = "/ValueSet/{id}", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "One of Ordo's ValueSets")
    HttpResponse<String> valueSet(@PathVariable String id) {
        return read("ValueSet", id);
    }

    @Get(value = "/StructureDefinition/{id}", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "Ordo's Task profile")
    HttpResponse<String> structureDefinition(@PathVariable String id) {
        return read("StructureDefinition", id);
    }

    @Get(value = "/CodeSystem", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "Ordo's CodeSystems, all or by canonical url")
    HttpResponse<String> codeSystems(HttpRequest<?> request, @Nullable @QueryValue String url) {
        return search(request, "CodeSystem", url);
    }

    @Get(value = "/ValueSet", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "Ordo's ValueSets, all or by canonical url")
    HttpResponse<String> valueSets(HttpRequest<?> request, @Nullable @QueryValue String url) {
        return search(request, "ValueSet", url);
    }

    @Get(value = "/StructureDefinition", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "Ordo's profiles, all or by canonical url")
    HttpResponse<String> structureDefinitions(HttpRequest<?> request, @Nullable @QueryValue String url) {
        return search(request, "StructureDefinition", url);
    }

    private HttpResponse<String> read(String type, String id) {
        MetadataResource resource = RESOURCES.get(type).get(id);
        if (resource == null) {
            return outcomes.respond(HttpStatus.NOT_FOUND, FhirOutcomes.outcome(OperationOutcome.IssueType.NOTFOUND,
                    type + "/" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + " is not known", null));
        }
        return ok(json.encode(resource));
    }

    private HttpResponse<String> search(HttpRequest<?> request, String type, String url) {
        String fhirBase = base.of(request);
        String canonical = url == null ? null : url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(fhirBase + "/" + type + (url == null ? "" : "?url="
                + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8)));
        RESOURCES.get(type).values().stream().filter(r -> canonical == null || r.getUrl().equals(canonical))
                .forEach(r -> bundle.addEntry().setFullUrl(fhirBase + "/" + type + "/" + r.getIdElement().getIdPart())
                        .setResource(r.copy()).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        bundle.setTotal(bundle.getEntry().size());
        return ok(json.encode(bundle));
    }

    private static HttpResponse<String> ok(String body) {
        return HttpResponse.ok(body).contentType(FhirOutcomes.FHIR_JSON);
    }
}
