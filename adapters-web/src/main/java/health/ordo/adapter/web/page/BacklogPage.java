package health.ordo.adapter.web.page;

import health.ordo.adapter.web.security.Caller;
import health.ordo.application.port.in.phi.PhiViewerQuery;
import health.ordo.application.port.in.routing.ManageWorkforceUseCase;
import health.ordo.application.port.in.routing.QueueStats;
import health.ordo.application.port.in.workitem.ListWorkItemsQuery;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.domain.workitem.WorkItemStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backlog at a glance for supervisors and admins: each queue's depth, its oldest waiting item's age and its items by
 * status, and the open items whose SLA has breached or is at risk, most urgent first (the insights and forecasts of the
 * process-intelligence work will join them here).
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Hidden
@Secured({"SUPERVISOR", "TENANT_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class BacklogPage {

    /** One queue's line. */
    public record QueueRow(String id, String name, long depth, String oldest, long inProgress, long onHold, long claimed) {
    }

    /** One worker's load: their open items by state against their capacity. */
    public record WorkerRow(String login, String team, String site, String queues, boolean available, int capacity, int claimed,
                            int inProgress, int onHold) {

        public int open() {
            return claimed + inProgress + onHold;
        }
    }

    /** The page. */
    public record Backlog(List<QueueRow> queues, List<ItemViews.Row> breached, List<ItemViews.Row> atRisk, List<WorkerRow> team) {
    }

    private final Pages pages;
    private final ManageWorkforceUseCase workforce;
    private final ListWorkItemsQuery lists;
    private final PhiViewerQuery phi;

    BacklogPage(Pages pages, ManageWorkforceUseCase workforce, ListWorkItemsQuery lists, PhiViewerQuery phi) {
        this.pages = pages;
        this.workforce = workforce;
        this.lists = lists;
        this.phi = phi;
    }

    @Get("/backlog")
    HttpResponse<?> backlog(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Layout layout = pages.layout(request, authentication, "@backlog.title", "backlog");
        List<QueueRow> queues = workforce.queues(caller.tenant()).stream().map(queue -> {
            QueueStats stats = workforce.stats(caller.tenant(), queue.id());
            return new QueueRow(queue.id(), queue.name(), stats.depth(), ItemViews.duration(stats.oldestReadyAge()),
                    stats.byStatus().getOrDefault("IN_PROGRESS", 0L), stats.byStatus().getOrDefault("ON_HOLD", 0L),
                    stats.byStatus().getOrDefault("CLAIMED", 0L));
        }).toList();
        PhiViewerQuery.Viewer viewer = phi.viewer(caller.tenant(), caller.actor().name(), Set.copyOf(authentication.getRoles()));
        List<ItemViews.Row> breached = lists.list(caller.tenant(), new WorkItemFilter(null, null, null, null, "BREACHED"), null, 25)
                .items().stream().map(i -> ItemViews.row(i, viewer, layout)).toList();
        List<ItemViews.Row> atRisk = lists.list(caller.tenant(), new WorkItemFilter(null, null, null, null, "AT_RISK"), null, 25)
                .items().stream().map(i -> ItemViews.row(i, viewer, layout)).toList();
        Map<String, Map<String, Long>> load = workforce.assignedLoad(caller.tenant());
        List<WorkerRow> team = workforce.workers(caller.tenant()).stream().sorted(java.util.Comparator.comparing(
                (health.ordo.domain.routing.Worker w) -> w.team() == null ? "" : w.team()).thenComparing(health.ordo.domain.routing.Worker::login))
                .limit(100).map(w -> {
                    Map<String, Long> held = load.getOrDefault(w.login(), Map.of());
                    return new WorkerRow(w.login(), w.team(), w.site(), String.join(", ", w.queues()), w.available(), w.capacity(),
                            count(held, WorkItemStatus.CLAIMED), count(held, WorkItemStatus.IN_PROGRESS), count(held, WorkItemStatus.ON_HOLD));
                }).toList();
        return pages.page(request, authentication, HttpStatus.OK, "backlog", layout, new Backlog(queues, breached, atRisk, team));
    }

    private static int count(Map<String, Long> held, WorkItemStatus status) {
        return held.getOrDefault(status.name(), 0L).intValue();
    }
}
