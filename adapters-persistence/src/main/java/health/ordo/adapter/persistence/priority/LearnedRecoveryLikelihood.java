package health.ordo.adapter.persistence.priority;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.priority.RecoveryLikelihoodPort;
import health.ordo.domain.priority.LikelihoodEstimate;
import health.ordo.domain.priority.RecoveryPriors;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import health.ordo.application.port.out.transaction.TransactionPort;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recovery likelihood learned from the tenant's own closed items: the recovery rate per (payer or supplier,
 * reason group), smoothed toward the tenant's rate for the work type, itself smoothed toward the deterministic
 * prior (beta-binomial shrinkage: a group with few closed items stays close to the broader rate). Statistics are
 * computed in PostgreSQL and cached per tenant for {@code ordo.priority.likelihood.refresh} (default 10 minutes).
 * An item's counterparty is its {@code payer} or {@code supplier} attribute; its reason group as in
 * {@link RecoveryPriors#reasonGroup}.
 */
@Singleton
class LearnedRecoveryLikelihood implements RecoveryLikelihoodPort {

    /** Pseudo-observations pulling a type's rate toward the prior, and a group's rate toward its type's. */
    static final double TYPE_STRENGTH = 20;
    static final double GROUP_STRENGTH = 10;

    private static final String STATS = """
            select type, coalesce(attributes->>'payer', attributes->>'supplier', '') as counterparty,
                case when type in ('CLAIM_DENIAL', 'UNDERPAYMENT') and attributes->>'carc' is not null then 'CARC ' || (attributes->>'carc')
                     when type = 'INVOICE_HOLD' and attributes->>'holdName' is not null then 'HOLD ' || (attributes->>'holdName')
                     when type = 'PAYMENT_BLOCK' and attributes->>'paymentBlockingReason' is not null
                         then 'BLOCK ' || (attributes->>'paymentBlockingReason')
                     else type end as reason_group,
                count(*) as closed,
                count(*) filter (where upper(resolution_code) = any (?)) as recovered
            from work_item
            where tenant_id = ? and status = 'COMPLETED' and updated_at > ?
            group by 1, 2, 3""";

    private record Counts(long closed, long recovered) {
        Counts plus(Counts other) {
            return new Counts(closed + other.closed, recovered + other.recovered);
        }
    }

    private record Stats(Map<WorkItemType, Counts> byType, Map<String, Counts> byGroup, Instant loadedAt) {
    }

    private final JdbcOperations jdbc;
    private final TransactionPort transactions;
    private final Clock clock;
    private final boolean enabled;
    private final Duration refresh;
    private final String[] recoveredCodes;
    private final Map<TenantId, Stats> cache = new ConcurrentHashMap<>();

    LearnedRecoveryLikelihood(JdbcOperations jdbc, TransactionPort transactions, Clock clock,
                              @Value("${ordo.priority.likelihood.enabled:true}") boolean enabled,
                              @Value("${ordo.priority.likelihood.refresh:10m}") Duration refresh,
                              @Value("${ordo.priority.likelihood.recovered-codes:RECOVERED,PAID,OVERTURNED,APPEAL_WON,"
                                      + "RELEASED,UNBLOCKED,APPROVED,RESOLVED,CORRECTED_AND_RESUBMITTED}") List<String> recoveredCodes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = enabled;
        this.refresh = refresh;
        this.recoveredCodes = recoveredCodes.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toArray(String[]::new);
    }

    @Override
    public LikelihoodEstimate estimate(WorkItem item) {
        if (!enabled) {
            throw new IllegalStateException("the learned likelihood model is switched off (ordo.priority.likelihood.enabled)");
        }
        Stats stats = stats(item.tenantId());
        LikelihoodEstimate prior = RecoveryPriors.priorFor(item);
        Counts type = stats.byType().get(item.content().type());
        if (type == null) {
            return LikelihoodEstimate.of(prior.value(), prior.basis() + " (no closed items yet)");
        }
        double typeRate = (type.recovered() + TYPE_STRENGTH * prior.value()) / (type.closed() + TYPE_STRENGTH);
        String group = groupKey(item.content().type(), counterparty(item), RecoveryPriors.reasonGroup(item));
        Counts counts = stats.byGroup().getOrDefault(group, new Counts(0, 0));
        double rate = (counts.recovered() + GROUP_STRENGTH * typeRate) / (counts.closed() + GROUP_STRENGTH);
        return LikelihoodEstimate.of(Math.max(0, Math.min(1, rate)), String.format(Locale.ROOT,
                "learned: %s / %s (%d closed, %d recovered; %s rate %.2f)", counterparty(item).isEmpty() ? "any" : counterparty(item),
                RecoveryPriors.reasonGroup(item), counts.closed(), counts.recovered(), item.content().type(), typeRate));
    }

    private static String counterparty(WorkItem item) {
        String payer = item.content().attributes().text("payer");
        if (payer != null) {
            return payer;
        }
        String supplier = item.content().attributes().text("supplier");
        return supplier == null ? "" : supplier;
    }

    private static String groupKey(WorkItemType type, String counterparty, String reasonGroup) {
        return type + "\u001f" + counterparty + "\u001f" + reasonGroup;
    }

    private Stats stats(TenantId tenant) {
        Instant now = clock.instant();
        Stats cached = cache.get(tenant);
        if (cached != null && cached.loadedAt().plus(refresh).isAfter(now)) {
            return cached;
        }
        Stats loaded = transactions.readOnly(tenant, () -> load(tenant, now));
        cache.put(tenant, loaded);
        return loaded;
    }

    private Stats load(TenantId tenant, Instant now) {
        return Sql.prepare(jdbc, STATS, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", recoveredCodes));
            statement.setString(2, tenant.value());
            statement.setObject(3, now.minus(Duration.ofDays(365)).atOffset(java.time.ZoneOffset.UTC));
            Map<WorkItemType, Counts> byType = new HashMap<>();
            Map<String, Counts> byGroup = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    WorkItemType type = WorkItemType.valueOf(rs.getString("type"));
                    Counts counts = new Counts(rs.getLong("closed"), rs.getLong("recovered"));
                    byType.merge(type, counts, Counts::plus);
                    byGroup.merge(groupKey(type, rs.getString("counterparty"), rs.getString("reason_group")), counts, Counts::plus);
                }
            }
            return new Stats(byType, byGroup, now);
        });
    }
}
