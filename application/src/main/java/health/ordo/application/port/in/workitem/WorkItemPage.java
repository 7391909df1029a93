package health.ordo.application.port.in.workitem;

import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/** One page of work items and the cursor to the next page (null on the last page). */
public record WorkItemPage(List<WorkItem> items, PageCursor next) {

    public WorkItemPage {
        items = List.copyOf(items);
    }
}
