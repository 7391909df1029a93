package health.ordo.application.port.in.workitem;

import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/** A work item with its full history, oldest entry first. */
public record WorkItemDetails(WorkItem item, List<HistoryEntry> history) {

    public WorkItemDetails {
        history = List.copyOf(history);
    }
}
