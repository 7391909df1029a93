package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.application.port.in.priority.PrioritySettingsUseCase;
import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.application.port.in.routing.NotAWorkerException;
import health.ordo.application.port.in.sla.GetSlaQuery;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.ListWorkItemsQuery;
import health.ordo.application.port.in.workitem.WorkItemDetails;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.in.NotFoundException;
import health.ordo.domain.shared.DomainException;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The worker's workbench: get next (the API's get-next-work), the item with why it is next, its SLA clock and the
 * actions of its state, and the worker's own items. Completing an item brings the next one.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkbenchPage {

    /** The workbench: the caller's open items and a message after an action. */
    public record Workbench(List<ItemViews.Row> mine, String message) {
    }

    private static final Set<String> MESSAGES = Set.of("empty", "done", "not-a-worker", "released", "illegal", "override-asked",
            "override-applied", "override-approved", "override-refused", "override-invalid");
    private static final Map<String, LifecycleAction> ACTIONS = Map.of("start", LifecycleAction.START, "hold", LifecycleAction.HOLD,
            "resume", LifecycleAction.RESUME, "complete", LifecycleAction.COMPLETE, "release", LifecycleAction.RELEASE);

    private final Pages pages;
    private final GetNextWorkUseCase next;
    private final GetWorkItemQuery items;
    private final ListWorkItemsQuery lists;
    private final ChangeWorkItemStatusUseCase lifecycle;
    private final GetSlaQuery sla;
    private final PhiViewerQuery phi;
    private final PrioritySettingsUseCase prioritySettings;

    WorkbenchPage(Pages pages, GetNextWorkUseCase next, GetWorkItemQuery items, ListWorkItemsQuery lists,
                  ChangeWorkItemStatusUseCase lifecycle, GetSlaQuery sla, PhiViewerQuery phi, PrioritySettingsUseCase prioritySettings) {
        this.pages = pages;
        this.next = next;
        this.items = items;
        this.lists = lists;
        this.lifecycle = lifecycle;
        this.sla = sla;
        this.phi = phi;
        this.prioritySettings = prioritySettings;
    }

    private PhiViewerQuery.Viewer viewer(Caller caller, Authentication authentication) {
        return phi.viewer(caller.tenant(), caller.actor().name(), Set.copyOf(authentication.getRoles()));
    }

    @Get("/workbench")
    HttpResponse<?> workbench(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue("m") String message) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@workbench.title", "workbench");
        PhiViewerQuery.Viewer viewer = viewer(caller, authentication);
        List<ItemViews.Row> mine = lists.list(caller.tenant(), new WorkItemFilter(null, null, null, caller.actor().name()), null, 100)
                .items().stream().filter(i -> i.status() != WorkItemStatus.COMPLETED && i.status() != WorkItemStatus.CANCELLED)
                .map(i -> ItemViews.row(i, viewer, layout)).toList();
        return pages.page(request, authentication, HttpStatus.OK, "workbench", layout,
                new Workbench(mine, message != null && MESSAGES.contains(message) ? "workbench.message." + message : null));
    }

    @Post(value = "/work/next", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> getNext(HttpRequest<?> request, Authentication authentication, @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        return nextOrWorkbench(Caller.of(authentication), "empty");
    }

    private HttpResponse<?> nextOrWorkbench(Caller caller, String otherwise) {
        try {
            Optional<WorkItem> claimed = next.next(caller.tenant(), caller.actor(), false);
            return Pages.seeOther(claimed.map(item -> "/ui/items/" + item.id()).orElse("/ui/workbench?m=" + otherwise));
        } catch (NotAWorkerException e) {
            return Pages.seeOther("/ui/workbench?m=not-a-worker");
        }
    }

    @Get("/items/{id}")
    HttpResponse<?> item(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                         @Nullable @QueryValue("m") String message) {
        Caller caller = Caller.of(authentication);
        Optional<WorkItemDetails> details = details(caller, id);
        Layout layout = pages.layout(request, authentication, details.map(d -> d.item().content().type().name()).orElse("@error.notFound.title"),
                "workbench");
        if (details.isEmpty()) {
            return pages.page(request, authentication, HttpStatus.NOT_FOUND, "error", layout,
                    new PageErrors.ErrorView(layout.t().get("error.notFound.title"), layout.t().get("error.notFound")));
        }
        GetSlaQuery.SlaView clock = sla.sla(caller.tenant(), details.get().item().id()).orElse(null);
        boolean lead = layout.lead();
        ItemViews.OverrideForm overrideForm = ItemViews.OverrideForm.of(details.get().item(), caller.actor().name(), lead,
                prioritySettings.settings(caller.tenant()).overrideReasonCodes());
        ItemViews.Item view = ItemViews.item(details.get(), clock, viewer(caller, authentication), layout, caller.actor().name(),
                message != null && MESSAGES.contains(message) ? "workbench.message." + message : null, overrideForm);
        return pages.page(request, authentication, HttpStatus.OK, "item", layout, view);
    }

    /** The SLA clock alone, which the item page reloads every 30 seconds (htmx). */
    @Get("/items/{id}/clock")
    HttpResponse<?> clock(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Caller caller = Caller.of(authentication);
        Optional<WorkItemDetails> details = details(caller, id);
        if (details.isEmpty()) {
            return HttpResponse.notFound();
        }
        Layout layout = pages.layout(request, authentication, "", "");
        GetSlaQuery.SlaView clock = sla.sla(caller.tenant(), details.get().item().id()).orElse(null);
        return pages.render(HttpStatus.OK, "clock", Map.of("layout", layout, "clock", ItemViews.clock(details.get().item(), clock, layout)));
    }

    @Post(value = "/items/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(HttpRequest<?> request, Authentication authentication, @PathVariable String id, @PathVariable String action,
                        @Nullable @Body Map<String, String> form) {
        pages.csrf().verify(request, form);
        Caller caller = Caller.of(authentication);
        LifecycleAction lifecycleAction = ACTIONS.get(action);
        UUID uuid = Pages.uuid(id);
        if (lifecycleAction == null || uuid == null) {
            return HttpResponse.notFound();
        }
        String note = lifecycleAction == LifecycleAction.HOLD ? form.get("reason") : lifecycleAction == LifecycleAction.COMPLETE
                ? form.get("resolution") : null;
        try {
            lifecycle.apply(caller.tenant(), new WorkItemId(uuid), lifecycleAction, note == null || note.isBlank() ? null : note.strip(),
                    caller.actor());
        } catch (DomainException e) {
            return Pages.seeOther("/ui/items/" + uuid + "?m=illegal");
        } catch (NotFoundException e) {
            return HttpResponse.notFound();
        }
        if (lifecycleAction == LifecycleAction.COMPLETE) {
            return nextOrWorkbench(caller, "done"); // the next one comes
        }
        return Pages.seeOther(lifecycleAction == LifecycleAction.RELEASE ? "/ui/workbench?m=released" : "/ui/items/" + uuid);
    }

    private Optional<WorkItemDetails> details(Caller caller, String id) {
        UUID uuid = Pages.uuid(id);
        return uuid == null ? Optional.empty() : items.get(caller.tenant(), new WorkItemId(uuid));
    }

}
