package health.ordo.application.port.in.workitem;

import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/**
 * A work item with its full history (oldest entry first) and the explanation of its computed score.
 *
 * @param explanation null when the item was never scored by a policy
 */
public record WorkItemDetails(WorkItem item, List<HistoryEntry> history, ScoreExplanation explanation) {

    public WorkItemDetails {
        history = List.copyOf(history);
    }
}
