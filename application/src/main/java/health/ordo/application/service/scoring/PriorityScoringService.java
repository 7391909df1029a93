package health.ordo.application.service.scoring;

import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.priority.RecoveryPriors;
import health.ordo.domain.priority.ScoringInput;
import health.ordo.domain.priority.WorkingCalendar;
import health.ordo.domain.score.ScoreBasis;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores items with their tenant's active policy. Policies are cached per tenant for a short time. The recovery
 * likelihood model is bounded by a timeout and a circuit breaker: when it fails, is slow or is open-circuited,
 * the deterministic prior is used and the explanation says "degraded". Scoring never fails because of the model.
 */
public final class PriorityScoringService {

    /** After this many consecutive model failures the model is skipped for {@link #OPEN_FOR}. */
    private static final int FAILURES_TO_OPEN = 5;
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);
    /** How long a likelihood from the model is reused for the same item. */
    public static final Duration LIKELIHOOD_REUSE = Duration.ofMinutes(10);

    private final PriorityPolicyPort policies;
    private final RecoveryLikelihoodPort likelihoodModel;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Duration likelihoodTimeout;
    private final Duration policyCacheTtl;
    private final Executor modelExecutor;
    private final Map<TenantId, CachedPolicies> cache = new ConcurrentHashMap<>();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Instant openUntil = Instant.MIN;

    private record CachedPolicies(List<PriorityPolicy> active, Instant loadedAt) {
    }

    /** Policy versions never change, so they are cached without expiry. */
    private record VersionKey(TenantId tenant, String policyId, int version) {
    }

    private final Map<VersionKey, PriorityPolicy> versions = new ConcurrentHashMap<>();

    public PriorityScoringService(PriorityPolicyPort policies, RecoveryLikelihoodPort likelihoodModel,
                                  WorkingCalendar calendar, Clock clock, Duration likelihoodTimeout,
                                  Duration policyCacheTtl, Executor modelExecutor) {
        this.policies = policies;
        this.likelihoodModel = likelihoodModel;
        this.calendar = calendar;
        this.clock = clock;
        this.likelihoodTimeout = likelihoodTimeout;
        this.policyCacheTtl = policyCacheTtl;
        this.modelExecutor = modelExecutor;
    }

    /** The explained score of the item at {@code now}; call inside a transaction (policies may be loaded). */
    public ScoreExplanation explain(WorkItem item, Instant now) {
        return policyFor(item.tenantId(), item.content().type()).explain(input(item, now));
    }

    /** The score basis of the item at {@code now}, without its explanation (for storing); inside a transaction. */
    public ScoreBasis basis(WorkItem item, Instant now) {
        return policyFor(item.tenantId(), item.content().type()).basis(input(item, now));
    }

    /**
     * Explained scores for a batch (bulk re-scoring): one call to the likelihood model for the whole batch, bounded by
     * the timeout plus one millisecond per further item; on failure every item falls back to its prior, marked degraded.
     */
    public List<ScoreExplanation> explainAll(List<WorkItem> items, Instant now) {
        List<LikelihoodEstimate> likelihoods = likelihoods(items);
        List<ScoreExplanation> explanations = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            WorkItem item = items.get(i);
            explanations.add(policyFor(item.tenantId(), item.content().type())
                    .explain(new ScoringInput(item, likelihoods.get(i), calendar, now)));
        }
        return explanations;
    }

    private List<LikelihoodEstimate> likelihoods(List<WorkItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        String reason;
        if (clock.instant().isBefore(openUntil)) {
            reason = "likelihood model unavailable (circuit open after repeated failures)";
        } else {
            Duration timeout = likelihoodTimeout.plusMillis(items.size() - 1L);
            try {
                List<LikelihoodEstimate> estimates = CompletableFuture.supplyAsync(() -> likelihoodModel.estimateAll(items), modelExecutor)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (estimates != null && estimates.size() == items.size() && estimates.stream().allMatch(java.util.Objects::nonNull)) {
                    consecutiveFailures.set(0);
                    return estimates;
                }
                reason = "likelihood model answered incompletely";
            } catch (TimeoutException e) {
                reason = "likelihood model slower than " + timeout.toMillis() + " ms"
                        + (items.size() > 1 ? " for " + items.size() + " items" : "");
            } catch (ExecutionException | RuntimeException e) {
                reason = "likelihood model failed";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = "interrupted while asking the likelihood model";
            }
            if (consecutiveFailures.incrementAndGet() >= FAILURES_TO_OPEN) {
                openUntil = clock.instant().plus(OPEN_FOR);
                consecutiveFailures.set(0);
            }
        }
        String why = reason;
        return items.stream().map(item -> RecoveryPriors.priorFor(item).degradedBecause(why)).toList();
    }

    /**
     * Scoring input with the likelihood estimated (or its degraded fallback). A likelihood the model gave for this item
     * less than {@link #LIKELIHOOD_REUSE} ago is reused: the model's own statistics refresh no faster, and lifecycle
     * changes then cost no call to the model. Bulk re-scoring ({@link #explainAll}) always asks the model.
     */
    public ScoringInput input(WorkItem item, Instant now) {
        ScoreBasis basis = item.scoreBasis();
        if (basis != null && basis.degradedReason() == null && basis.computedAt().plus(LIKELIHOOD_REUSE).isAfter(now)) {
            return new ScoringInput(item, LikelihoodEstimate.of(basis.likelihood().doubleValue(), basis.likelihoodBasis()),
                    calendar, now);
        }
        return new ScoringInput(item, likelihood(item), calendar, now);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The policy that scores items of this type: the type's own active policy, else the tenant's general one, else built-in. */
    public PriorityPolicy policyFor(TenantId tenant, WorkItemType type) {
        List<PriorityPolicy> active = activePolicies(tenant);
        PriorityPolicy general = null;
        for (PriorityPolicy policy : active) {
            if (policy.appliesTo() == type) {
                return policy;
            }
            if (policy.appliesTo() == null) {
                general = policy;
            }
        }
        return general != null ? general : PriorityPolicy.builtin(tenant);
    }

    /**
     * The explanation of the item's stored score, recomputed from its {@link health.ordo.domain.score.ScoreBasis}:
     * same policy version, same likelihood, same instant, hence the same explanation as when it was scored. Null when
     * the item was never scored or its policy version is gone. Call inside a transaction.
     */
    public ScoreExplanation reexplain(WorkItem item) {
        ScoreBasis basis = item.scoreBasis();
        if (basis == null) {
            return null;
        }
        PriorityPolicy policy = PriorityPolicy.BUILTIN_ID.equals(basis.policyId())
                ? PriorityPolicy.builtin(item.tenantId())
                : versions.computeIfAbsent(new VersionKey(item.tenantId(), basis.policyId(), basis.policyVersion()),
                        key -> policies.load(key.tenant(), key.policyId(), key.version()).orElse(null));
        if (policy == null) {
            return null;
        }
        LikelihoodEstimate likelihood = new LikelihoodEstimate(basis.likelihood().doubleValue(), basis.likelihoodBasis(),
                basis.degradedReason() != null, basis.degradedReason());
        return policy.explain(new ScoringInput(item, likelihood, calendar, basis.computedAt()));
    }

    /** Forgets the tenant's cached policies (after an activation, or when a job starts on another node). */
    public void invalidate(TenantId tenant) {
        cache.remove(tenant);
    }

    private List<PriorityPolicy> activePolicies(TenantId tenant) {
        Instant now = clock.instant();
        CachedPolicies cached = cache.get(tenant);
        if (cached == null || cached.loadedAt().plus(policyCacheTtl).isBefore(now)) {
            cached = new CachedPolicies(policies.loadActive(tenant), now);
            cache.put(tenant, cached);
        }
        return cached.active();
    }

    /** The model's estimate, or the prior marked degraded when the model fails, is slow or is switched off by the breaker. */
    public LikelihoodEstimate likelihood(WorkItem item) {
        return likelihoods(List.of(item)).get(0);
    }
}
