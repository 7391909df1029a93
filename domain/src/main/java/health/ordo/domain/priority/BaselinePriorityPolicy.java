package health.ordo.domain.priority;

import health.ordo.domain.workitem.PriorityScore;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;

import java.time.Duration;
import java.time.Instant;

/**
 * The deterministic policy every tenant starts with: a weighted sum of three factors, each between 0 and 1.
 * <ul>
 *   <li>money at stake (weight 0.40): log-scaled, $1 → 0, $1M or more → 1, so one huge item cannot bury the rest;</li>
 *   <li>deadline proximity (0.45): time left to the binding deadline; 1 when passed, 0.5 with 3 days left,
 *       falling towards 0 as the deadline recedes; 0 when there is none;</li>
 *   <li>aging (0.15): days since the item arrived, saturating at 30 days.</li>
 * </ul>
 * Work that is finished (completed, cancelled) scores 0.
 */
public final class BaselinePriorityPolicy implements PriorityPolicy {

    static final double MONEY_WEIGHT = 0.40;
    static final double DEADLINE_WEIGHT = 0.45;
    static final double AGING_WEIGHT = 0.15;
    private static final double MONEY_CAP_LOG10 = 6; // $1,000,000
    private static final double DEADLINE_HALF_LIFE_DAYS = 3;
    private static final double AGING_SATURATION_DAYS = 30;

    @Override
    public PriorityScore score(WorkItem item, Instant now) {
        if (item.status().isTerminal()) {
            return PriorityScore.ZERO;
        }
        WorkItemContent content = item.content();
        double score = MONEY_WEIGHT * money(content)
                + DEADLINE_WEIGHT * deadline(content, now)
                + AGING_WEIGHT * aging(item, now);
        return PriorityScore.ofFraction(score);
    }

    static double money(WorkItemContent content) {
        if (content.moneyAtStake() == null || content.moneyAtStake().value().signum() == 0) {
            return 0;
        }
        double log = Math.log10(Math.max(1, content.moneyAtStake().value().doubleValue()));
        return Math.min(1, log / MONEY_CAP_LOG10);
    }

    static double deadline(WorkItemContent content, Instant now) {
        Instant deadline = content.bindingDeadline();
        if (deadline == null) {
            return 0;
        }
        double daysLeft = Duration.between(now, deadline).toMinutes() / (24.0 * 60);
        if (daysLeft <= 0) {
            return 1;
        }
        return DEADLINE_HALF_LIFE_DAYS / (DEADLINE_HALF_LIFE_DAYS + daysLeft);
    }

    static double aging(WorkItem item, Instant now) {
        double days = Math.max(0, Duration.between(item.createdAt(), now).toMinutes() / (24.0 * 60));
        return Math.min(1, days / AGING_SATURATION_DAYS);
    }
}
