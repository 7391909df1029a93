package health.ordo.application.service.insights;

import health.ordo.application.port.in.insights.ForecastUseCase;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.application.port.out.insights.OpenWorkPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.insights.AllocationAdvisor;
import health.ordo.domain.insights.ArrivalForecast;
import health.ordo.domain.insights.ArrivalForecaster;
import health.ordo.domain.insights.ArrivalLoad;
import health.ordo.domain.insights.BreachSimulation;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DailySeries;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.DurationHistogram;
import health.ordo.domain.insights.OpenWork;
import health.ordo.domain.insights.Staff;
import health.ordo.domain.insights.StaffingPlanner;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Forecasts from history and today's state: arrivals per queue or type (the domain's {@link ArrivalForecaster} over the
 * daily rollups of the last year), and the breach simulation of each queue ({@link BreachSimulation}) with its open
 * items in Ordo's order, its available workers (a worker serving several queues counts for an equal share of each),
 * each working the hours of their own schedule (their calendar less their time off, {@link health.ordo.domain.routing.WorkerSchedule}), the
 * handling time of each type learned from history (median touch time over the last 90 days), and the forecast
 * arrivals. The business calendar is the tenant's calendar {@code default} (else its first one, else Monday to Friday
 * 09:00–17:00 in the deployment's insights time zone: {@link InsightZones}); it is also the calendar of workers without one
 * of their own, and its zone the one whose days the forecasts count.
 */
public class ForecastService implements ForecastUseCase {

    static final int HISTORY_DAYS = 365;
    static final int HANDLING_DAYS = 90;
    static final int MAX_HORIZON_DAYS = 180;
    /** How far past the chosen date the simulation runs, so late items get an expected completion too. */
    static final int RUN_ON_DAYS = 60;

    private final InsightReadPort reads;
    private final OpenWorkPort openWork;
    private final ForecastStaff staffing;
    private final DraftPolicyScores drafts;
    private final TransactionPort transactions;
    private final Clock clock;
    private final InsightZones zones;
    private final double productiveShare;
    private final Duration defaultHandling;
    private final ArrivalForecaster forecaster = new ArrivalForecaster();

    public ForecastService(InsightReadPort reads, OpenWorkPort openWork, ForecastStaff staffing, DraftPolicyScores drafts,
                           TransactionPort transactions, Clock clock, InsightZones zones, ForecastSettings settings) {
        this.reads = reads;
        this.openWork = openWork;
        this.staffing = staffing;
        this.drafts = drafts;
        this.transactions = transactions;
        this.clock = clock;
        this.zones = zones;
        this.productiveShare = settings.productiveShare();
        this.defaultHandling = settings.defaultHandling();
    }

    @Override
    public List<GroupForecast> arrivals(TenantId tenant, Dimension groupBy, int days) {
        InvalidValueException.require(days >= 1 && days <= MAX_HORIZON_DAYS, "days", "a forecast covers 1 to " + MAX_HORIZON_DAYS + " days");
        return transactions.readOnly(tenant, () -> {
            Set<LocalDate> holidays = calendar(tenant).holidays();
            List<GroupForecast> forecasts = new ArrayList<>();
            series(tenant, groupBy).forEach((group, series) ->
                    forecasts.add(new GroupForecast(group, forecaster.forecast(series, days, holidays))));
            return forecasts;
        });
    }

    @Override
    public BreachForecast breaches(TenantId tenant, LocalDate by, String queue) {
        return transactions.readOnly(tenant, () -> {
            Situation situation = situation(tenant, by, queue);
            List<QueueOutlook> outlooks = new ArrayList<>();
            List<BreachingItem> items = new ArrayList<>();
            for (QueueSituation q : situation.queues()) {
                BreachSimulation.Result result = situation.simulation().run(situation.now(), situation.until(), q.open(), q.staff(), q.arrivals());
                List<BreachSimulation.Outcome> breaching = result.breachesBy(situation.by());
                breaching.forEach(outcome -> items.add(item(q.queue(), outcome)));
                outlooks.add(new QueueOutlook(q.queue(), round(q.workers()), round(q.handlingHours()), q.open().size(),
                        breaching.size(), BreachSimulation.Result.money(breaching)));
            }
            items.sort(Comparator.comparing(BreachingItem::deadline).thenComparing(BreachingItem::workItemId));
            return new BreachForecast(situation.now(), situation.by(), outlooks, items);
        });
    }

    @Override
    public List<Staffing> staffing(TenantId tenant, LocalDate by, double target, String queue) {
        InvalidValueException.require(target > 0 && target <= 1, "target", "a target is a share between 0 (exclusive) and 1, e.g. 0.95");
        return transactions.readOnly(tenant, () -> {
            Situation situation = situation(tenant, by, queue);
            StaffingPlanner planner = new StaffingPlanner(situation.simulation());
            List<Staffing> staffing = new ArrayList<>();
            for (QueueSituation q : situation.queues()) {
                BreachSimulation.Result now = situation.simulation().run(situation.now(), situation.until(), q.open(), q.staff(), q.arrivals());
                StaffingPlanner.Plan plan = planner.plan(situation.now(), situation.by(), situation.until(), q.open(), q.arrivals(), target);
                staffing.add(new Staffing(q.queue(), round(q.workers()), plan.workers(), plan.feasible(), now.dueBy(situation.by()),
                        now.avoidableBreachesBy(situation.by()).size(), plan.result().avoidableBreachesBy(situation.by()).size(),
                        days(situation, q, by)));
            }
            return staffing;
        });
    }

    @Override
    public WhatIf whatIf(TenantId tenant, String queue, double addWorkers, Map<String, Integer> skills, LocalDate by, String policyId,
                         Integer version) {
        InvalidValueException.require(queue != null && !queue.isBlank(), "queue", "queue is required");
        InvalidValueException.require(Math.abs(addWorkers) <= StaffingPlanner.MAX_WORKERS, "addWorkers", "addWorkers lies between -1000 and 1000");
        InvalidValueException.require((policyId == null) == (version == null), policyId == null ? "policyId" : "version",
                "a policy is named by policyId and version together");
        return transactions.readOnly(tenant, () -> {
            Situation situation = situation(tenant, by, queue);
            QueueSituation q = situation.queues().stream().filter(s -> s.queue().equals(queue)).findFirst()
                    .orElseGet(() -> new QueueSituation(queue, List.of(), Staff.NONE, defaultHandling.toMinutes() / 60.0, ArrivalLoad.NONE));
            String note = null;
            double added = addWorkers;
            if (addWorkers > 0 && skills != null) {
                List<String> missing = new ArrayList<>();
                staffing.requiredSkills(tenant).getOrDefault(queue, Map.of()).forEach((skill, level) -> {
                    if (skills.getOrDefault(skill, 0) < level) {
                        missing.add(skill + " " + level);
                    }
                });
                if (!missing.isEmpty()) {
                    added = 0;
                    note = "the workers added lack what the routing rules into queue " + queue + " require (" + String.join(", ", missing)
                            + "): they cannot take its items";
                }
            }
            // workers added follow the queue's calendar; workers removed are taken from every schedule alike
            Staff after = added >= 0 ? q.staff().plus(Staff.Schedule.of(situation.calendar()), added)
                    : q.staff().scaledTo(q.workers() + added);
            List<OpenWork> reordered = policyId == null ? q.open() : drafts.rescored(tenant, queue, q.open(), policyId, version);
            BreachSimulation.Result before = situation.simulation().run(situation.now(), situation.until(), q.open(), q.staff(), q.arrivals());
            BreachSimulation.Result changed = situation.simulation().run(situation.now(), situation.until(), reordered, after, q.arrivals());
            List<BreachSimulation.Outcome> breachesBefore = before.breachesBy(situation.by());
            List<BreachSimulation.Outcome> breachesAfter = changed.breachesBy(situation.by());
            Set<String> idsBefore = ids(breachesBefore);
            Set<String> idsAfter = ids(breachesAfter);
            List<BreachingItem> saved = breachesBefore.stream().filter(o -> !idsAfter.contains(o.work().id())).map(o -> item(queue, o)).toList();
            List<BreachingItem> lost = breachesAfter.stream().filter(o -> !idsBefore.contains(o.work().id())).map(o -> item(queue, o)).toList();
            return new WhatIf(queue, situation.by(), policyId == null ? null : policyId + " v" + version, note, round(q.workers()), round(after.workers()),
                    breachesBefore.size(), breachesAfter.size(), BreachSimulation.Result.money(breachesBefore),
                    BreachSimulation.Result.money(breachesAfter), saved, lost);
        });
    }

    @Override
    public List<Allocation> allocation(TenantId tenant, LocalDate by, int maxMoves) {
        InvalidValueException.require(maxMoves >= 1 && maxMoves <= 50, "maxMoves", "maxMoves lies between 1 and 50");
        return transactions.readOnly(tenant, () -> {
            Situation situation = situation(tenant, by, null);
            Map<String, String> sites = staffing.sites(tenant);
            Map<String, Map<String, Integer>> required = staffing.requiredSkills(tenant);
            List<AllocationAdvisor.QueueState> queues = new ArrayList<>();
            Set<String> known = new HashSet<>();
            for (QueueSituation q : situation.queues()) {
                known.add(q.queue());
                queues.add(new AllocationAdvisor.QueueState(q.queue(), sites.get(q.queue()), required.getOrDefault(q.queue(), Map.of()),
                        q.open(), q.arrivals()));
            }
            List<AllocationAdvisor.StaffMember> staff = situation.roster().members(known);
            return new AllocationAdvisor(situation.simulation()).recommend(situation.now(), situation.by(), situation.until(), queues,
                    staff, maxMoves).stream().map(move -> new Allocation(move.team(), List.copyOf(new TreeSet<>(move.skills())),
                    move.fromQueue(), move.toQueue(), move.logins(), round(move.workers()), move.breachesAvoided(), move.breachesAdded(),
                    move.moneySaved(), move.moneyAdded(), move.explanation())).toList();
        });
    }

    private static Set<String> ids(List<BreachSimulation.Outcome> outcomes) {
        Set<String> ids = new HashSet<>();
        outcomes.forEach(o -> ids.add(o.work().id()));
        return ids;
    }

    /** Everything the simulation of each queue needs, read once. */
    private record Situation(Instant now, Instant by, Instant until, BusinessCalendar calendar, BreachSimulation simulation,
                             List<QueueSituation> queues, ForecastStaff.Roster roster) {
    }

    private record QueueSituation(String queue, List<OpenWork> open, Staff staff, double handlingHours, ArrivalLoad arrivals) {
        double workers() {
            return staff.workers();
        }
    }

    private Situation situation(TenantId tenant, LocalDate by, String onlyQueue) {
        Instant now = clock.instant();
        BusinessCalendar calendar = calendar(tenant);
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        InvalidValueException.require(by != null, "by", "by is required (a date, e.g. " + today.plusDays(7) + ")");
        InvalidValueException.require(!by.isBefore(today), "by", "by lies in the past");
        InvalidValueException.require(by.toEpochDay() - today.toEpochDay() <= MAX_HORIZON_DAYS, "by",
                "by lies at most " + MAX_HORIZON_DAYS + " days ahead");
        Instant byEnd = by.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusSeconds(1);
        Instant until = by.plusDays(RUN_ON_DAYS).atStartOfDay(calendar.zone()).toInstant();
        Map<String, Double> typeHours = handlingHours(tenant, today, Dimension.TYPE);
        Map<String, Double> queueHours = handlingHours(tenant, today, Dimension.QUEUE);
        double fallback = defaultHandling.toMinutes() / 60.0;
        Map<String, List<OpenWork>> open = new TreeMap<>();
        for (OpenWorkPort.OpenItem item : openWork.openItems(tenant)) {
            if (onlyQueue != null && !onlyQueue.equals(item.queue())) {
                continue;
            }
            double hours = typeHours.getOrDefault(item.type(), queueHours.getOrDefault(item.queue(), fallback));
            open.computeIfAbsent(item.queue(), q -> new ArrayList<>()).add(new OpenWork(item.id(), item.type(), item.started(),
                    item.score(), item.deadline(), hours, item.amount()));
        }
        ForecastStaff.Roster roster = staffing.roster(tenant, calendar, today, until.atZone(calendar.zone()).toLocalDate());
        Map<String, Staff> staff = roster.perQueue();
        Map<String, double[]> scores = openWork.arrivalScores(tenant, now.minus(Duration.ofDays(28)));
        int horizon = (int) (until.atZone(calendar.zone()).toLocalDate().toEpochDay() - today.toEpochDay());
        Map<String, ArrivalForecast> forecasts = new HashMap<>();
        Set<LocalDate> holidays = calendar.holidays();
        series(tenant, Dimension.QUEUE).forEach((queue, series) -> {
            if (onlyQueue == null || onlyQueue.equals(queue)) {
                forecasts.put(queue, forecaster.forecast(series, Math.min(horizon, 366), holidays));
            }
        });
        TreeSet<String> queues = new TreeSet<>(open.keySet());
        if (onlyQueue != null) {
            queues.add(onlyQueue);
        }
        List<QueueSituation> situations = new ArrayList<>();
        for (String queue : queues) {
            double hours = queueHours.getOrDefault(queue, fallback);
            Map<LocalDate, Double> arriving = new TreeMap<>();
            ArrivalForecast forecast = forecasts.get(queue);
            if (forecast != null) {
                forecast.days().forEach(day -> arriving.put(day.date(), day.expected() * hours));
            }
            situations.add(new QueueSituation(queue, open.getOrDefault(queue, List.of()), staff.getOrDefault(queue, Staff.NONE), hours,
                    new ArrivalLoad(arriving, scores.getOrDefault(queue, new double[0]))));
        }
        return new Situation(now, byEnd, until, calendar, new BreachSimulation(calendar, productiveShare), situations, roster);
    }

    private List<StaffingDay> days(Situation situation, QueueSituation q, LocalDate by) {
        List<StaffingDay> days = new ArrayList<>();
        BusinessCalendar calendar = situation.calendar();
        LocalDate today = situation.now().atZone(calendar.zone()).toLocalDate();
        for (LocalDate day = today.plusDays(1); !day.isAfter(by); day = day.plusDays(1)) {
            double work = q.arrivals().hoursBetween(day.minusDays(1), day);
            double arrivals = q.handlingHours() <= 0 ? 0 : work / q.handlingHours();
            double open = calendar.businessTimeBetween(day.atStartOfDay(calendar.zone()).toInstant(),
                    day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()).toMinutes() / 60.0;
            double workers = open <= 0 ? 0 : work / (productiveShare * open);
            days.add(new StaffingDay(day, round(arrivals), round(work), round(workers)));
        }
        return days;
    }

    /** Median touch time per value of the dimension over the last 90 days of completions. */
    private Map<String, Double> handlingHours(TenantId tenant, LocalDate today, Dimension dimension) {
        Map<String, DayMetrics> merged = new HashMap<>();
        for (DailyRollup.Row row : reads.rollup(tenant, today.minusDays(HANDLING_DAYS), today, dimension, InsightRequest.Period.NONE, true)) {
            merged.computeIfAbsent(row.value(), v -> new DayMetrics()).add(row.metrics());
        }
        Map<String, Double> hours = new HashMap<>();
        merged.forEach((value, metrics) -> {
            Duration median = DurationHistogram.percentile(metrics.touch, 0.5);
            if (median != null) {
                hours.put(value, Math.max(1, median.toMinutes()) / 60.0);
            }
        });
        return hours;
    }

    /** Daily arrivals of the last year per value of the dimension, up to yesterday. */
    private Map<String, DailySeries> series(TenantId tenant, Dimension dimension) {
        LocalDate yesterday = clock.instant().atZone(zones.of(tenant)).toLocalDate().minusDays(1);
        LocalDate from = yesterday.minusDays(HISTORY_DAYS - 1);
        Map<String, Map<LocalDate, Long>> counts = new TreeMap<>();
        for (DailyRollup.Row row : reads.rollup(tenant, from, yesterday, dimension, InsightRequest.Period.DAY, false)) {
            if (row.metrics().arrivals > 0) {
                counts.computeIfAbsent(row.value(), v -> new HashMap<>()).merge(row.day(), row.metrics().arrivals, Long::sum);
            }
        }
        Map<String, DailySeries> series = new TreeMap<>();
        counts.forEach((group, byDay) -> {
            LocalDate first = byDay.keySet().stream().min(LocalDate::compareTo).orElse(from);
            series.put(group, DailySeries.of(first, yesterday, byDay));
        });
        return series;
    }

    private BusinessCalendar calendar(TenantId tenant) {
        return zones.calendar(tenant);
    }

    private static BreachingItem item(String queue, BreachSimulation.Outcome outcome) {
        OpenWork work = outcome.work();
        return new BreachingItem(work.id(), queue, work.type(), work.score(), work.deadline(), outcome.expectedCompletion(),
                outcome.overdue(), work.amount());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
