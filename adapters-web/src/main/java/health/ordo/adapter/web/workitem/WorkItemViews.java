package health.ordo.adapter.web.workitem;

import health.ordo.adapter.web.workitem.WorkItemDtos.WorkItemResponse;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;
import jakarta.inject.Singleton;

/** How other resources show a work item (as in lists) and read a work item filter; one shape everywhere. */
@Singleton
public class WorkItemViews {

    private final WorkItemResponseMapper mapper;

    WorkItemViews(WorkItemResponseMapper mapper) {
        this.mapper = mapper;
    }

    public WorkItemResponse summary(WorkItem item) {
        return mapper.toResponse(item);
    }

    /** A filter from query or body fields; unknown status or type values are refused naming the field. */
    public WorkItemFilter filter(String status, String type, String queue, String assignee) {
        return new WorkItemFilter(WorkItemRequestReader.parseStatus(status),
                WorkItemRequestReader.parseOptionalEnum(WorkItemType.class, type, "type"), blankToNull(queue), blankToNull(assignee));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
