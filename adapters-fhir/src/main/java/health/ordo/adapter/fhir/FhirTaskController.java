package health.ordo.adapter.fhir;

import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.SearchWorkItemsQuery;
import health.ordo.application.port.in.workitem.WorkItemSearch;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.Set;
import java.util.UUID;

/**
 * Work items as FHIR R4 Tasks: {@code GET /api/v1/fhir/Task/{id}} and the search {@code GET /api/v1/fhir/Task?…} with the
 * parameters of {@link TaskSearchParameters}, in priority order unless sorted otherwise, with absolute links and full URLs
 * and a {@code next} link while more match.
 */
@Controller(FhirBase.PATH + "/Task")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "FHIR")
class FhirTaskController {

    static final MediaType FHIR_JSON = FhirOutcomes.FHIR_JSON;

    private final GetWorkItemQuery get;
    private final SearchWorkItemsQuery search;
    private final FhirJson json;
    private final PhiViewerQuery phi;
    private final FhirBase base;
    private final FhirOutcomes outcomes;

    FhirTaskController(GetWorkItemQuery get, SearchWorkItemsQuery search, FhirJson json, PhiViewerQuery phi, FhirBase base,
                       FhirOutcomes outcomes) {
        this.phi = phi;
        this.get = get;
        this.search = search;
        this.json = json;
        this.base = base;
        this.outcomes = outcomes;
    }

    private PhiViewerQuery.Viewer viewer(Authentication authentication) {
        return phi.viewer(CallerTenant.of(authentication), authentication.getName(), Set.copyOf(authentication.getRoles()));
    }

    @Get(value = "/{id}", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "A work item as a FHIR R4 Task")
    HttpResponse<String> read(Authentication authentication, @PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound(id);
        }
        return get.get(CallerTenant.of(authentication), new WorkItemId(uuid))
                .map(details -> HttpResponse.ok(json.encode(TaskMapper.toTask(details.item(), viewer(authentication))))
                        .contentType(FHIR_JSON))
                .orElseGet(() -> notFound(id));
    }

    /** FHIR's answer to an unknown id: 404 with an OperationOutcome saying so. */
    private MutableHttpResponse<String> notFound(String id) {
        return outcomes.respond(io.micronaut.http.HttpStatus.NOT_FOUND, FhirOutcomes.outcome(OperationOutcome.IssueType.NOTFOUND,
                "Task/" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + " is not known", null));
    }

    @Get(produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "Search work items as FHIR Tasks (the parameters the CapabilityStatement lists; _count, _sort, _total)")
    HttpResponse<String> search(HttpRequest<?> request, Authentication authentication) {
        String prefer = request.getHeaders().get("Prefer");
        boolean strict = prefer != null && prefer.replace(" ", "").contains("handling=strict");
        TaskSearchParameters.Parsed parsed = TaskSearchParameters.parse(request.getParameters().asMap(), strict);
        String cursorText = request.getParameters().get("_cursor");
        WorkItemSearch.Cursor after;
        try {
            after = cursorText == null ? null : WorkItemSearch.Cursor.decode(cursorText, parsed.search().order());
        } catch (InvalidValueException e) {
            throw new FhirSearchException("_cursor", "_cursor is not one this server issued for this search");
        }
        SearchWorkItemsQuery.Result result = search.search(CallerTenant.of(authentication), parsed.search(), after, parsed.count(),
                parsed.total());
        request.setAttribute("ordo.audit.count", result.items().size()); // the audit entry of this search records how many
        String fhirBase = this.base.of(request);
        String self = fhirBase + "/Task" + (parsed.query().isEmpty() ? "" : "?" + parsed.query());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(new java.util.Date());
        bundle.addLink().setRelation("self").setUrl(cursorText == null ? self : self + (self.contains("?") ? "&" : "?") + "_cursor=" + cursorText);
        if (cursorText != null) {
            bundle.addLink().setRelation("first").setUrl(self);
        }
        if (result.next() != null) {
            bundle.addLink().setRelation("next").setUrl(self + (self.contains("?") ? "&" : "?") + "_cursor=" + result.next().encode());
        }
        if (result.total() != null) {
            bundle.setTotal(result.total().intValue());
        }
        PhiViewerQuery.Viewer viewer = viewer(authentication);
        for (WorkItem item : result.items()) {
            bundle.addEntry().setFullUrl(fhirBase + "/Task/" + item.id()).setResource(TaskMapper.toTask(item, viewer))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        if (!parsed.ignored().isEmpty()) {
            OperationOutcome ignored = new OperationOutcome();
            ignored.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING).setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                    .setDiagnostics("Ignored, not supported on Task: " + String.join(", ", parsed.ignored())
                            + " (see " + fhirBase + "/metadata; Prefer: handling=strict refuses them)");
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(ignored)
                    .getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
        }
        return HttpResponse.ok(json.encode(bundle)).contentType(FHIR_JSON);
    }
}
