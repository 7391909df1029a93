package health.ordo.application.service.limit;

import health.ordo.application.port.in.limit.RateLimitUseCase;
import health.ordo.application.port.in.limit.RateLimitUseCase.Decision;
import health.ordo.application.port.in.limit.RateLimitUseCase.Limit;
import health.ordo.application.port.out.limit.RateLimitPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RateLimitServiceTest {

    private final RateLimitPort shared = mock(RateLimitPort.class);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimitService service = new RateLimitService(shared, now::get, 100);

    @Test
    void theSharedBucketDecides_whileItCanBeReached() {
        when(shared.take(anyString(), any())).thenReturn(new Decision(false, 7));

        assertThat(service.take("caller:ada@demo", Limit.of(1, 5, false))).isEqualTo(new Decision(false, 7));
        assertThat(service.takeFallbackReport().requests()).isZero();
    }

    @Test
    void whenTheSharedStoreIsDown_theNodesOwnBucketLimits_andTheFallbackIsReported() {
        when(shared.take(anyString(), any())).thenThrow(new IllegalStateException("connection refused"));
        Limit limit = Limit.of(0.5, 3, true);

        Decision first = service.take("sign-in:10.0.0.1", limit);
        service.take("sign-in:10.0.0.1", limit);
        service.take("sign-in:10.0.0.1", limit);
        Decision fourth = service.take("sign-in:10.0.0.1", limit);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        Decision afterRefill = service.take("sign-in:10.0.0.1", limit);

        assertThat(first.allowed()).isTrue();
        assertThat(fourth).isEqualTo(new Decision(false, 2));
        assertThat(afterRefill.allowed()).isTrue();
        RateLimitService.FallbackReport report = service.takeFallbackReport();
        assertThat(report.requests()).isEqualTo(5);
        assertThat(report.lastFailure()).contains("connection refused");
        assertThat(service.takeFallbackReport().requests()).as("reported once").isZero();
    }

    @Test
    void ratesBelowOnePerSecond_refillOneTokenPerPeriod() {
        assertThat(RateLimitUseCase.Limit.of(30 / 60.0, 10, true))
                .isEqualTo(new Limit(10, 1, Duration.ofSeconds(2), true));
        assertThat(RateLimitUseCase.Limit.of(100, 200, false)).isEqualTo(new Limit(200, 100, Duration.ofSeconds(1), false));
        assertThat(Limit.of(100, 200, false).shape()).isNotEqualTo(Limit.of(100, 201, false).shape());
    }
}
