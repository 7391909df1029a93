package health.ordo.bootstrap.observability;

import health.ordo.application.port.in.routing.GetNextWorkUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts and times get-next-work on this node ({@code ordo_claims_total{outcome="claimed|empty|refused"}},
 * {@code ordo_claim_duration_seconds}): claims per second is {@code sum(rate(ordo_claims_total{outcome="claimed"}[1m]))}.
 */
public final class MeteredGetNextWork implements GetNextWorkUseCase {

    private static final Duration MILLIS_5 = Duration.ofMillis(5);
    private static final Duration MILLIS_10 = Duration.ofMillis(10);
    private static final Duration MILLIS_25 = Duration.ofMillis(25);
    private static final Duration MILLIS_50 = Duration.ofMillis(50);
    private static final Duration MILLIS_100 = Duration.ofMillis(100);
    private static final Duration MILLIS_250 = Duration.ofMillis(250);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final GetNextWorkUseCase delegate;
    private final Counter claimed;
    private final Counter empty;
    private final Counter refused;
    private final Timer duration;

    public MeteredGetNextWork(GetNextWorkUseCase delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.claimed = counter(registry, "claimed");
        this.empty = counter(registry, "empty");
        this.refused = counter(registry, "refused");
        this.duration = Timer.builder("ordo.claim.duration").description("time to claim the next item (get-next-work), on this node")
                .serviceLevelObjectives(MILLIS_5, MILLIS_10, MILLIS_25, MILLIS_50, MILLIS_100, MILLIS_250, SECOND)
                .register(registry);
    }

    @Override
    public Optional<WorkItem> next(TenantId tenant, Actor worker, boolean start) {
        Timer.Sample sample = Timer.start();
        try {
            Optional<WorkItem> item = delegate.next(tenant, worker, start);
            (item.isPresent() ? claimed : empty).increment();
            return item;
        } catch (RuntimeException e) {
            refused.increment();
            throw e;
        } finally {
            sample.stop(duration);
        }
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("ordo.claims").tag("outcome", outcome)
                .description("get-next-work calls on this node: claimed an item, found none, or refused (not a worker, failure)")
                .register(registry);
    }
}
