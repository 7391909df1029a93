package health.ordo.application.port.out.workitem;

import health.ordo.domain.workitem.WorkItemEvent;

import java.util.List;

/** Appends domain events to the outbox, in the caller's transaction, for later delivery. */
public interface AppendEventsPort {

    void append(List<WorkItemEvent> events);
}
