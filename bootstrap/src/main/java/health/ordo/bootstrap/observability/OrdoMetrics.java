package health.ordo.bootstrap.observability;

import health.ordo.application.port.in.operations.ObserveOperationsUseCase;
import health.ordo.application.port.in.operations.OperationsSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Ordo's own gauges, read from one operational snapshot of the database (all tenants) that is taken when a scrape
 * finds the last one older than {@code ordo.metrics.refresh} (default 15 s): a node nobody scrapes queries nothing.
 * Labels are tenants, queues, connectors and statuses, never items or people. Every node reports the same
 * database-wide values (aggregate them with {@code max}, not {@code sum}); counters such as {@code ordo_claims_total}
 * are per node ({@code sum} them).
 */
@Singleton
public final class OrdoMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OrdoMetrics.class);

    private final ObserveOperationsUseCase operations;
    private final Duration refresh;
    private final AtomicReference<OperationsSnapshot> last = new AtomicReference<>();
    private final List<Runnable> updates = new ArrayList<>();
    private volatile long takenAtNanos;

    OrdoMetrics(ObserveOperationsUseCase operations, MeterRegistry registry, @Value("${ordo.metrics.refresh:15s}") Duration refresh) {
        this.operations = operations;
        this.refresh = refresh;
        queueGauges(registry);
        escalationGauges(registry);
        single(registry, "ordo.rescore.lag", "seconds", "age of the oldest score among open items", s -> seconds(s.rescoreLag()));
        connectorGauges(registry);
        single(registry, "ordo.outbox.pending", null, "events committed but not yet relayed to the feed", s -> s.outbox().pending());
        single(registry, "ordo.outbox.lag", "seconds", "age of the oldest event not yet relayed", s -> seconds(s.outbox().lag()));
        byStatus(registry, "ordo.webhook.deliveries", "webhook deliveries not delivered, by status (PENDING, DEAD)",
                OperationsSnapshot::webhookDeliveries);
        single(registry, "ordo.webhook.failed.attempts.last.hour", null, "webhook attempts answered with an error or none in the last hour",
                OperationsSnapshot::webhookFailedAttemptsLastHour);
        byStatus(registry, "ordo.write.backs", "write-backs not applied, by status (PENDING, FAILED)", OperationsSnapshot::writeBacks);
    }

    /** Takes a new snapshot when the last one is older than the refresh interval; a failure keeps the old values. */
    public void refreshIfStale() {
        if (last.get() != null && System.nanoTime() - takenAtNanos < refresh.toNanos()) {
            return;
        }
        synchronized (this) {
            if (last.get() != null && System.nanoTime() - takenAtNanos < refresh.toNanos()) {
                return;
            }
            try {
                last.set(operations.snapshot());
                takenAtNanos = System.nanoTime();
                updates.forEach(Runnable::run);
            } catch (RuntimeException e) {
                LOG.warn("Reading the operational snapshot for metrics failed; the previous values stay: {}", e.toString());
            }
        }
    }

    private void queueGauges(MeterRegistry registry) {
        MultiGauge items = MultiGauge.builder("ordo.queue.items")
                .description("open work items by tenant, queue and status").register(registry);
        MultiGauge oldest = MultiGauge.builder("ordo.queue.oldest.ready.age").baseUnit("seconds")
                .description("how long the oldest READY item of the queue has waited").register(registry);
        MultiGauge breached = MultiGauge.builder("ordo.sla.breached.items")
                .description("open items past their deadline, by tenant and queue").register(registry);
        updates.add(() -> {
            List<Row<?>> itemRows = new ArrayList<>();
            List<Row<?>> oldestRows = new ArrayList<>();
            List<Row<?>> breachedRows = new ArrayList<>();
            for (OperationsSnapshot.QueueLoad q : last.get().queues()) {
                Tags queue = Tags.of("tenant", q.tenant(), "queue", q.queue());
                q.itemsByStatus().forEach((status, count) -> itemRows.add(Row.of(queue.and("status", status), count)));
                oldestRows.add(Row.of(queue, seconds(q.oldestReadyAge())));
                breachedRows.add(Row.of(queue, q.breachedOpen()));
            }
            items.register(itemRows, true);
            oldest.register(oldestRows, true);
            breached.register(breachedRows, true);
        });
    }

    private void escalationGauges(MeterRegistry registry) {
        single(registry, "ordo.escalations.overdue", null, "escalations due longer than the late threshold and not fired",
                s -> s.escalations().overdue());
        single(registry, "ordo.escalations.overdue.max.age", "seconds", "how long the most overdue escalation has been due",
                s -> seconds(s.escalations().maxOverdue()));
        MultiGauge fired = MultiGauge.builder("ordo.escalations.fired.last.hour")
                .description("escalations fired in the last hour; late: fired later than the late threshold after their due time")
                .register(registry);
        updates.add(() -> fired.register(List.of(
                Row.of(Tags.of("late", "false"), last.get().escalations().firedLastHour() - last.get().escalations().firedLateLastHour()),
                Row.of(Tags.of("late", "true"), last.get().escalations().firedLateLastHour())), true));
    }

    private void connectorGauges(MeterRegistry registry) {
        MultiGauge up = MultiGauge.builder("ordo.connector.up")
                .description("1 when the connector's last sync succeeded (health UP), else 0").register(registry);
        MultiGauge since = MultiGauge.builder("ordo.connector.last.success.age").baseUnit("seconds")
                .description("time since the connector's last successful sync (absent: never)").register(registry);
        MultiGauge failed = MultiGauge.builder("ordo.connector.failed.runs.last.hour")
                .description("the connector's failed sync runs in the last hour").register(registry);
        updates.add(() -> {
            List<Row<?>> upRows = new ArrayList<>();
            List<Row<?>> sinceRows = new ArrayList<>();
            List<Row<?>> failedRows = new ArrayList<>();
            for (OperationsSnapshot.ConnectorHealth c : last.get().connectors()) {
                Tags connector = Tags.of("tenant", c.tenant(), "connector", c.connector(), "type", c.type());
                upRows.add(Row.of(connector, "UP".equals(c.health()) ? 1 : 0));
                if (c.sinceLastSuccess() != null) {
                    sinceRows.add(Row.of(connector, seconds(c.sinceLastSuccess())));
                }
                failedRows.add(Row.of(connector, c.failedRunsLastHour()));
            }
            up.register(upRows, true);
            since.register(sinceRows, true);
            failed.register(failedRows, true);
        });
    }

    private void byStatus(MeterRegistry registry, String name, String description,
                          Function<OperationsSnapshot, Map<String, Long>> counts) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).register(registry);
        updates.add(() -> gauge.register(counts.apply(last.get()).entrySet().stream()
                .<Row<?>>map(e -> Row.of(Tags.of("status", e.getKey()), e.getValue())).toList(), true));
    }

    private void single(MeterRegistry registry, String name, String unit, String description, ToDoubleFunction<OperationsSnapshot> value) {
        Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .baseUnit(unit).description(description).strongReference(true).register(registry);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
