package health.ordo.application.support;

import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.domain.priority.RecoveryPriors;
import health.ordo.domain.priority.WorkingCalendar;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** A real scoring service for service tests: the tenant has no policy of its own, the model answers with priors. */
public final class TestScoring {

    private TestScoring() {
    }

    public static PriorityScoringService builtin(Clock clock) {
        return new PriorityScoringService(new NoPolicies(), RecoveryPriors::priorFor, WorkingCalendar.weekdays(ZoneOffset.UTC),
                clock, Duration.ofSeconds(1), Duration.ofSeconds(5), Runnable::run);
    }

    public static PriorityScoringService with(PriorityPolicyPort policies, RecoveryLikelihoodPort model, Clock clock,
                                              Duration timeout, java.util.concurrent.Executor executor) {
        return new PriorityScoringService(policies, model, WorkingCalendar.weekdays(ZoneOffset.UTC), clock, timeout,
                Duration.ofSeconds(5), executor);
    }

    /** A tenant without policies of its own. */
    public static final class NoPolicies implements PriorityPolicyPort {
        @Override
        public List<PriorityPolicy> loadAll(TenantId tenant) {
            return List.of();
        }

        @Override
        public List<PriorityPolicy> loadActive(TenantId tenant) {
            return List.of();
        }

        @Override
        public Optional<PriorityPolicy> load(TenantId tenant, String policyId, int version) {
            return Optional.empty();
        }

        @Override
        public int latestVersion(TenantId tenant, String policyId) {
            return 0;
        }

        @Override
        public void insert(PriorityPolicy policy) {
            throw new UnsupportedOperationException("read-only in tests");
        }

        @Override
        public void activate(TenantId tenant, String policyId, int version, Instant at) {
            throw new UnsupportedOperationException("read-only in tests");
        }
    }
}
