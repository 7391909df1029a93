package health.ordo.application.port.out.priority;

import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.workitem.WorkItem;

import java.util.List;

/**
 * Estimates how likely working an item recovers its money. Implementations may be slow or fail: callers bound
 * them with a timeout and fall back to deterministic priors.
 */
public interface RecoveryLikelihoodPort {

    LikelihoodEstimate estimate(WorkItem item);

    /** Estimates for a batch, in order; models that can answer a batch at once override this. */
    default List<LikelihoodEstimate> estimateAll(List<WorkItem> items) {
        return items.stream().map(this::estimate).toList();
    }
}
