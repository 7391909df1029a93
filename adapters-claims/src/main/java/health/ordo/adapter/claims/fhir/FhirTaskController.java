package health.ordo.adapter.claims.fhir;

import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.adapter.claims.CallerTenant;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.ListWorkItemsQuery;
import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.in.workitem.WorkItemPage;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Work items as FHIR R4 Tasks: {@code GET /api/v1/fhir/Task/{id}} and the search {@code GET /api/v1/fhir/Task?status=…&code=…&_count=…}
 * answered as a {@code searchset} Bundle in priority order, with a {@code next} link while more match.
 */
@Controller("/api/v1/fhir/Task")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "FHIR")
class FhirTaskController {

    static final MediaType FHIR_JSON = MediaType.of("application/fhir+json");

    private final GetWorkItemQuery get;
    private final ListWorkItemsQuery list;
    private final FhirJson json;
    private final PhiViewerQuery phi;

    FhirTaskController(GetWorkItemQuery get, ListWorkItemsQuery list, FhirJson json, PhiViewerQuery phi) {
        this.phi = phi;
        this.get = get;
        this.list = list;
        this.json = json;
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
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.NOTFOUND)
                .setDiagnostics("Task/" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + " is not known");
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.NOT_FOUND).body(json.encode(outcome)).contentType(FHIR_JSON);
    }

    @Get(produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "Search work items as FHIR Tasks (status, code = work item type, _count, _cursor)")
    HttpResponse<String> search(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String status,
                                @Nullable @QueryValue String code, @Nullable @QueryValue("_count") Integer count,
                                @Nullable @QueryValue("_cursor") String cursor) {
        int limit = count == null ? 20 : count;
        if (limit < 1 || limit > 200) {
            throw new InvalidFhirResourceException("_count", "_count must be between 1 and 200");
        }
        WorkItemStatus workStatus = status == null ? null : Arrays.stream(WorkItemStatus.values())
                .filter(s -> s.fhirTaskStatus().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidFhirResourceException("status", "status must be one of ready, accepted, "
                        + "in-progress, on-hold, completed, cancelled"));
        WorkItemType type;
        try {
            type = code == null ? null : WorkItemType.valueOf(code.substring(code.indexOf('|') + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidFhirResourceException("code", "code must be a work item type such as CLAIM_DENIAL");
        }
        PageCursor after;
        try {
            after = cursor == null ? null : PageCursor.decode(cursor);
        } catch (InvalidValueException e) {
            throw new InvalidFhirResourceException("_cursor", e.getMessage());
        }
        WorkItemPage page = list.list(CallerTenant.of(authentication), new WorkItemFilter(workStatus, type, null, null), after, limit);
        request.setAttribute("ordo.audit.count", page.items().size()); // the audit entry of this search records how many
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        String base = request.getPath();
        bundle.addLink().setRelation("self").setUrl(base + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()));
        if (page.next() != null) {
            StringBuilder next = new StringBuilder(base).append("?_count=").append(limit);
            if (status != null) {
                next.append("&status=").append(status);
            }
            if (code != null) {
                next.append("&code=").append(code);
            }
            bundle.addLink().setRelation("next").setUrl(next.append("&_cursor=").append(page.next().encode()).toString());
        }
        PhiViewerQuery.Viewer viewer = viewer(authentication);
        for (WorkItem item : page.items()) {
            Task task = TaskMapper.toTask(item, viewer);
            bundle.addEntry().setFullUrl("Task/" + item.id()).setResource(task)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return HttpResponse.ok(json.encode(bundle)).contentType(FHIR_JSON);
    }
}
