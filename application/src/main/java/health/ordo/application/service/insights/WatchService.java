package health.ordo.application.service.insights;

import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.WatchUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.application.port.out.insights.WatchPort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.insights.Anomaly;
import health.ordo.domain.insights.AnomalyDetector;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.DailySeries;
import health.ordo.domain.insights.DayMetrics;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WatchSettings;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the watch. The scores are the domain's ({@link AnomalyDetector}); this class reads the days, records what is
 * unusual once, and raises alert items. Days older than yesterday's eve are backfilled quietly: recorded, but no event
 * and no alert item (an import of last year's history must not page anyone).
 */
public class WatchService implements WatchUseCase {

    static final int MAX_BACKFILL_DAYS = 400;
    private static final int WEEKS = 8;
    private static final int FAILURE_DAYS = 28;
    private static final int MIN_SLA_SAMPLE = 5;
    private static final Actor WATCH = new Actor("ordo-watch", true);

    private final InsightReadPort reads;
    private final WatchPort watch;
    private final TenantDirectoryPort tenants;
    private final IngestWorkItemUseCase ingest;
    private final TransactionPort transactions;
    private final Clock clock;
    private final InsightZones zones;

    public WatchService(InsightReadPort reads, WatchPort watch, TenantDirectoryPort tenants, IngestWorkItemUseCase ingest,
                        TransactionPort transactions, Clock clock, InsightZones zones) {
        this.reads = reads;
        this.watch = watch;
        this.tenants = tenants;
        this.ingest = ingest;
        this.transactions = transactions;
        this.clock = clock;
        this.zones = zones;
    }

    @Override
    public int watchAll() {
        int found = 0;
        for (var summary : transactions.readAcrossTenants(tenants::tenants)) {
            TenantId tenant = TenantId.of(summary.id());
            found += transactions.inTransaction(tenant, () -> {
                if (watch.settling(tenant)) {
                    return 0;
                }
                LocalDate yesterday = today(tenant).minusDays(1);
                Optional<LocalDate> last = watch.lockLastWatched(tenant);
                LocalDate from = last.map(day -> day.plusDays(1)).orElse(yesterday.minusDays(MAX_BACKFILL_DAYS));
                if (from.isAfter(yesterday)) {
                    return 0;
                }
                int count = watchDays(tenant, from, yesterday).size();
                watch.watched(tenant, yesterday);
                return count;
            });
        }
        return found;
    }

    @Override
    public List<Anomaly> detect(TenantId tenant, LocalDate from, LocalDate to) {
        InvalidValueException.require(!to.isBefore(from), "to", "to lies before from");
        InvalidValueException.require(to.toEpochDay() - from.toEpochDay() < MAX_BACKFILL_DAYS, "from", "at most " + MAX_BACKFILL_DAYS + " days at once");
        return transactions.inTransaction(tenant, () -> {
            InvalidValueException.require(to.isBefore(today(tenant)), "to", "only whole days are watched: to lies before today");
            watchDays(tenant, from, to);
            return watch.anomalies(tenant, from, to);
        });
    }

    @Override
    public List<Anomaly> anomalies(TenantId tenant, LocalDate from, LocalDate to) {
        return transactions.readOnly(tenant, () -> watch.anomalies(tenant, from, to));
    }

    @Override
    public WatchSettings settings(TenantId tenant) {
        return transactions.readOnly(tenant, () -> watch.settings(tenant));
    }

    @Override
    public WatchSettings saveSettings(WatchSettings settings) {
        return transactions.inTransaction(settings.tenant(), () -> {
            watch.saveSettings(settings);
            return settings;
        });
    }

    /** The new anomalies of the days. */
    private List<Anomaly> watchDays(TenantId tenant, LocalDate from, LocalDate to) {
        WatchSettings settings = watch.settings(tenant);
        Set<LocalDate> holidays = zones.calendar(tenant).holidays();
        LocalDate loudFrom = today(tenant).minusDays(2);
        Instant now = clock.instant();
        List<Anomaly> findings = new ArrayList<>();
        Map<Dimension, List<DailyRollup.Row>> rows = new HashMap<>();
        for (Dimension dimension : List.of(Dimension.QUEUE, Dimension.PAYER)) {
            rows.put(dimension, reads.rollup(tenant, from.minusWeeks(WEEKS), to, dimension, InsightRequest.Period.DAY, false));
        }
        Map<String, Map<LocalDate, Double>> failures = watch.integrationFailures(tenant, from.minusDays(FAILURE_DAYS), to, zones.of(tenant));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate current = day;
            for (Dimension dimension : rows.keySet()) {
                arrivals(rows.get(dimension), current, holidays, settings).forEach((group, finding) ->
                        findings.add(anomaly(tenant, Anomaly.Metric.ARRIVALS, dimension.apiName(), group, current, finding, now)));
            }
            attainment(rows.get(Dimension.QUEUE), current, settings).forEach((group, finding) ->
                    findings.add(anomaly(tenant, Anomaly.Metric.SLA_ATTAINMENT, "queue", group, current, finding, now)));
            failures.forEach((connector, byDay) -> failures(byDay, current, settings).ifPresent(finding ->
                    findings.add(anomaly(tenant, Anomaly.Metric.INTEGRATION_FAILURES, "connector", connector, current, finding, now))));
        }
        if (settings.agingMax() != null && !to.isBefore(today(tenant).minusDays(1))) {
            for (var group : reads.backlog(tenant, Dimension.QUEUE, Map.of(), now, new int[]{settings.agingDays()})) {
                long old = group.byAge()[1];
                if (old > settings.agingMax()) {
                    double score = Math.round(100.0 * (old - settings.agingMax()) / Math.max(1, settings.agingMax())) / 100.0;
                    findings.add(new Anomaly(UUID.randomUUID(), tenant, Anomaly.Metric.AGING, "queue", group.group(), to, old,
                            settings.agingMax(), score, now, null));
                }
            }
        }
        List<Anomaly> recorded = new ArrayList<>();
        for (Anomaly anomaly : findings) {
            boolean loud = !anomaly.day().isBefore(loudFrom);
            if (watch.record(anomaly, loud)) {
                recorded.add(anomaly);
                if (loud && settings.createWorkItems()) {
                    alert(anomaly, settings);
                }
            }
        }
        return recorded;
    }

    private Map<String, AnomalyDetector.Finding> arrivals(List<DailyRollup.Row> rows, LocalDate day, Set<LocalDate> holidays,
                                                          WatchSettings settings) {
        Map<String, Map<LocalDate, Double>> byGroup = new HashMap<>();
        for (DailyRollup.Row row : rows) {
            if (!row.day().isAfter(day) && !Dimension.NONE.equals(row.value())) {
                byGroup.computeIfAbsent(row.value(), g -> new HashMap<>()).put(row.day(), (double) row.metrics().arrivals);
            }
        }
        Map<String, AnomalyDetector.Finding> found = new HashMap<>();
        if (holidays.contains(day)) {
            return found;
        }
        byGroup.forEach((group, counts) -> {
            // from the group's first day with any data: weeks before it are unknown, not zero
            LocalDate first = counts.keySet().stream().min(LocalDate::compareTo).orElse(day);
            DailySeries series = DailySeries.of(first.isAfter(day.minusWeeks(WEEKS)) ? first : day.minusWeeks(WEEKS), day, counts);
            AnomalyDetector.sameWeekday(series, day, holidays, WEEKS, true)
                    .flatMap(baseline -> AnomalyDetector.check(series.value(series.length() - 1), baseline,
                            AnomalyDetector.Direction.BOTH, settings.threshold(), settings.minDeviation()))
                    .ifPresent(finding -> found.put(group, finding));
        });
        return found;
    }

    private static Map<String, AnomalyDetector.Finding> attainment(List<DailyRollup.Row> rows, LocalDate day, WatchSettings settings) {
        Map<String, Map<LocalDate, DayMetrics>> byGroup = new HashMap<>();
        for (DailyRollup.Row row : rows) {
            if (!row.day().isAfter(day)) {
                byGroup.computeIfAbsent(row.value(), g -> new HashMap<>()).put(row.day(), row.metrics());
            }
        }
        Map<String, AnomalyDetector.Finding> found = new HashMap<>();
        byGroup.forEach((group, days) -> {
            DayMetrics today = days.get(day);
            if (today == null || today.withDeadline < MIN_SLA_SAMPLE) {
                return;
            }
            // the same weekday of the weeks before: completions after a weekend meet fewer deadlines every week
            List<Double> before = new ArrayList<>();
            for (int week = 1; week <= WEEKS; week++) {
                DayMetrics earlier = days.get(day.minusWeeks(week));
                if (earlier != null && earlier.withDeadline >= MIN_SLA_SAMPLE) {
                    before.add(100.0 * earlier.met / earlier.withDeadline);
                }
            }
            double actual = 100.0 * today.met / today.withDeadline;
            // attainment is a share, not a count; a drop of under a percentage point never alarms
            AnomalyDetector.baseline(before, false).flatMap(baseline -> AnomalyDetector.check(actual,
                    new AnomalyDetector.Baseline(baseline.expected(), Math.max(baseline.spread(), 1), baseline.days()),
                    AnomalyDetector.Direction.DOWN, settings.threshold(), Math.max(1, settings.minDeviation())))
                    .ifPresent(finding -> found.put(group, finding));
        });
        return found;
    }

    private static Optional<AnomalyDetector.Finding> failures(Map<LocalDate, Double> byDay, LocalDate day, WatchSettings settings) {
        List<Double> before = new ArrayList<>();
        for (LocalDate d = day.minusDays(FAILURE_DAYS); d.isBefore(day); d = d.plusDays(1)) {
            before.add(byDay.getOrDefault(d, 0.0));
        }
        return AnomalyDetector.baseline(before, true).flatMap(baseline -> AnomalyDetector.check(byDay.getOrDefault(day, 0.0),
                baseline, AnomalyDetector.Direction.UP, settings.threshold(), settings.minDeviation()));
    }

    private static Anomaly anomaly(TenantId tenant, Anomaly.Metric metric, String dimension, String group, LocalDate day,
                                   AnomalyDetector.Finding finding, Instant now) {
        return new Anomaly(UUID.randomUUID(), tenant, metric, dimension, group, day, Math.round(finding.actual() * 10) / 10.0,
                Math.round(finding.expected() * 10) / 10.0, finding.score(), now, null);
    }

    /** An OPERATIONS_ALERT item for the anomaly, keyed by its id (so it is raised once), in the alerts queue. */
    private void alert(Anomaly anomaly, WatchSettings settings) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("metric", anomaly.metric().name());
        attributes.put("dimension", anomaly.dimension());
        attributes.put("group", anomaly.group());
        attributes.put("day", anomaly.day().toString());
        attributes.put("actual", anomaly.actual());
        attributes.put("expected", anomaly.expected());
        attributes.put("score", anomaly.score());
        if (settings.owner() != null) {
            attributes.put("owner", settings.owner());
        }
        String title = anomaly.describe();
        WorkItemContent content = new WorkItemContent(WorkItemType.OPERATIONS_ALERT, new SourceReference("ordo-watch", anomaly.id().toString()),
                title.length() > 200 ? title.substring(0, 200) : title, null, null, null, Attributes.of(attributes),
                WorkItemType.OPERATIONS_ALERT.defaultQueue());
        IngestOutcome outcome = ingest.ingest(anomaly.tenant(), content, WATCH, Provenance.api("ordo-watch"));
        if (outcome instanceof IngestOutcome.Created created) {
            watch.linkWorkItem(anomaly.tenant(), anomaly.id(), created.item().id().value().toString());
        }
    }

    /** Today in the tenant's zone (in its transaction). */
    private LocalDate today(TenantId tenant) {
        return clock.instant().atZone(zones.of(tenant)).toLocalDate();
    }
}
