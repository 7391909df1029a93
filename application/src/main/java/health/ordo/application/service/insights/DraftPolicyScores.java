package health.ordo.application.service.insights;

import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.domain.insights.OpenWork;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scores a priority policy version (a draft, say) would give a queue's open items: the what-if's "activate this policy". */
public final class DraftPolicyScores {

    /** At most this many open items of the queue (of the policy's type) are scored again. */
    static final int MAX_RESCORED = 50_000;

    private final PriorityPolicyPort policies;
    private final RescoringPort rescoring;
    private final PriorityScoringService scoring;
    private final Clock clock;

    public DraftPolicyScores(PriorityPolicyPort policies, RescoringPort rescoring, PriorityScoringService scoring, Clock clock) {
        this.policies = policies;
        this.rescoring = rescoring;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** The queue's open items with the scores the named policy version gives those of its type (others keep theirs). */
    List<OpenWork> rescored(TenantId tenant, String queue, List<OpenWork> open, String policyId, int version) {
        PriorityPolicy policy = policies.load(tenant, policyId, version).orElseThrow(() -> new InvalidValueException("policyId",
                "priority policy " + policyId + " has no version " + version));
        Instant now = clock.instant();
        Map<String, Double> scores = new HashMap<>();
        for (WorkItem item : rescoring.loadOpenInQueue(tenant, queue, policy.appliesTo(), MAX_RESCORED)) {
            scores.put(item.id().value().toString(), policy.scoreValue(scoring.input(item, now)));
        }
        return open.stream().map(work -> scores.containsKey(work.id()) ? new OpenWork(work.id(), work.type(), work.started(),
                scores.get(work.id()), work.deadline(), work.hours(), work.amount()) : work).toList();
    }
}
