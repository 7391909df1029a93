package health.ordo.domain.routing;

import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.NotAllowedException;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.WorkItem;

import java.util.Optional;

/**
 * Who may claim a work item by its id: a supervisor any item; a worker an item of a queue they serve, or one they created
 * themselves through the API (they wrote what it holds). Claiming is how a worker comes to see an item's PHI, so it
 * follows the same eligibility as get-next-work (which only ever offers a worker the queues they serve).
 */
public final class ClaimEligibility {

    private ClaimEligibility() {
    }

    /**
     * @param worker the claimant's worker profile, if they have one
     * @throws NotAllowedException {@code QUEUE_NOT_ELIGIBLE} when a worker does not serve the item's queue
     */
    public static void require(Actor actor, Optional<Worker> worker, WorkItem item) {
        if (actor.supervisor() || item.provenance().equals(Provenance.api(actor.name()))) {
            return;
        }
        if (worker.isEmpty() || !worker.get().queues().contains(item.queue())) {
            throw new NotAllowedException("QUEUE_NOT_ELIGIBLE", "work item " + item.id() + " is in queue " + item.queue()
                    + ", which " + actor.name() + " does not serve; a supervisor assigns it or adds the queue to the worker");
        }
    }
}
