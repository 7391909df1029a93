package health.ordo.application.port.in.insights;

import health.ordo.domain.insights.ArrivalForecast;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.shared.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Forecasts: arrivals, the items that will breach with today's staff, the staff needed, and what-ifs. */
public interface ForecastUseCase {

    /** Daily arrivals for the next {@code days} days per value of {@code groupBy} (queue or type). */
    List<GroupForecast> arrivals(TenantId tenant, Dimension groupBy, int days);

    /** The open items (of one queue, or all) whose deadline falls by the end of {@code by} and that will miss it. */
    BreachForecast breaches(TenantId tenant, LocalDate by, String queue);

    /** Per queue, the workers needed so that {@code target} of the items due by {@code by} meet their deadline. */
    List<Staffing> staffing(TenantId tenant, LocalDate by, double target, String queue);

    /**
     * Breaches and money at risk by {@code by} before and after adding (or removing) workers on a queue and, when a policy
     * version is named, working the queue in the order that version would score it (a draft, before activating it).
     * Workers added with {@code skills} (skill → proficiency; null: assumed qualified) help only if they have what the
     * routing rules into the queue require.
     */
    WhatIf whatIf(TenantId tenant, String queue, double addWorkers, Map<String, Integer> skills, LocalDate by, String policyId,
                  Integer version);

    /**
     * Ranked moves of workers between queues until {@code by}, each with the breaches and money at risk it saves in the
     * queue receiving the workers and adds in the queue giving them up (at most {@code maxMoves} workers moved).
     */
    List<Allocation> allocation(TenantId tenant, LocalDate by, int maxMoves);

    record Allocation(String team, List<String> skills, String fromQueue, String toQueue, List<String> workers, double share,
                      int breachesAvoided, int breachesAdded, BigDecimal moneySaved, BigDecimal moneyAdded, String explanation) {
    }

    record GroupForecast(String group, ArrivalForecast forecast) {
    }

    /** An item expected to miss its deadline; expectedCompletion null when not within the simulated weeks. */
    record BreachingItem(String workItemId, String queue, String type, double score, Instant deadline,
                         Instant expectedCompletion, boolean overdue, BigDecimal amount) {
    }

    record QueueOutlook(String queue, double workers, double handlingHours, int openItems, int breaches, BigDecimal moneyAtRisk) {
    }

    record BreachForecast(Instant asOf, Instant by, List<QueueOutlook> queues, List<BreachingItem> items) {
        public BigDecimal moneyAtRisk() {
            return items.stream().map(BreachingItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One day's expected arrivals of a queue and the staff they alone need. */
    record StaffingDay(LocalDate date, double expectedArrivals, double workHours, double workersForArrivals) {
    }

    /**
     * @param dueBy           open items whose deadline falls by the date (overdue ones left out)
     * @param feasible        false when even the maximum staff cannot meet the target
     * @param breachesNow     avoidable breaches with today's staff
     * @param breachesNeeded  avoidable breaches with the staff needed
     */
    record Staffing(String queue, double currentWorkers, int workersNeeded, boolean feasible, long dueBy, int breachesNow,
                    int breachesNeeded, List<StaffingDay> days) {
    }

    /** @param note why the workers added count for less than asked (they lack a required skill), or null */
    record WhatIf(String queue, Instant by, String policy, String note, double workersBefore, double workersAfter, int breachesBefore, int breachesAfter,
                  BigDecimal moneyAtRiskBefore, BigDecimal moneyAtRiskAfter, List<BreachingItem> saved, List<BreachingItem> lost) {
    }
}
