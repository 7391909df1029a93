package health.ordo.application.service.priority;

import health.ordo.application.port.in.priority.SimulatePolicyUseCase;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicySimulation;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.priority.ScoringInput;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Scores the live open backlog with the active policies and with a draft, and compares the two orders. */
public final class PolicySimulationService implements SimulatePolicyUseCase {

    private final RescoringPort backlog;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final Clock clock;

    public PolicySimulationService(RescoringPort backlog, TransactionPort transactions, PriorityScoringService scoring,
                                   Clock clock) {
        this.backlog = backlog;
        this.transactions = transactions;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public PolicySimulation.Report simulate(TenantId tenant, PolicyDefinition draftDefinition, WorkItemType appliesTo,
                                            int topN, double urgentWithinBusinessDays) {
        InvalidValueException.require(topN >= 1 && topN <= 10_000, "topN", "topN lies between 1 and 10000");
        InvalidValueException.require(urgentWithinBusinessDays >= 0 && urgentWithinBusinessDays <= 365,
                "urgentWithinBusinessDays", "urgentWithinBusinessDays lies between 0 and 365");
        Instant now = clock.instant();
        PriorityPolicy draft = new PriorityPolicy("simulation", tenant, appliesTo, 0, PolicyStatus.DRAFT, "simulation",
                draftDefinition, now, "simulation", null);
        return transactions.readOnly(tenant, () -> {
            List<WorkItem> items = backlog.loadOpen(tenant, appliesTo, MAX_ITEMS + 1);
            InvalidValueException.require(items.size() <= MAX_ITEMS, "appliesTo",
                    "the backlog holds more than " + MAX_ITEMS + " open items; simulate one work item type at a time");
            List<PolicySimulation.Row> rows = new ArrayList<>(items.size());
            for (WorkItem item : items) {
                ScoringInput input = scoring.input(item, now);
                double active = scoring.policyFor(tenant, item.content().type()).scoreValue(input);
                Instant deadline = item.content().bindingDeadline();
                rows.add(new PolicySimulation.Row(item.id().toString(), item.content().title(),
                        item.content().moneyAtStake() == null ? null : item.content().moneyAtStake().value(),
                        deadline == null ? Double.NaN : scoring.calendar().businessDaysBetween(now, deadline),
                        active, draft.scoreValue(input)));
            }
            return PolicySimulation.run(rows, topN, urgentWithinBusinessDays);
        });
    }
}
