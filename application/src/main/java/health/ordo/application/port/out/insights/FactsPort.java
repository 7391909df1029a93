package health.ordo.application.port.out.insights;

import health.ordo.domain.insights.WorkFact;
import health.ordo.domain.shared.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Facts and daily rollups. */
public interface FactsPort {

    /** Where the facts of Ordo's own items stand: the last item change they include. */
    record Watermark(Instant changedAt, UUID itemId) {
    }

    /** A fact with its identity: a LIVE fact is keyed by its work item's id, an IMPORTED one by its source reference. */
    record KeyedFact(TenantId tenant, UUID factId, boolean live, String sourceSystem, String externalId, String currency,
                     WorkFact fact) {
    }

    record TenantDay(TenantId tenant, LocalDate day) {
    }

    /**
     * Locks the watermark of Ordo's own items for this (cross-tenant) transaction; empty when another node holds it.
     */
    Optional<Watermark> lockWatermark();

    /**
     * The facts of items changed after the watermark and before {@code settledBefore} (changes still being committed
     * are left for the next round), in change order, at most {@code limit}; with the watermark after the last one.
     */
    ChangedItems changedItems(Watermark after, Instant settledBefore, int limit);

    record ChangedItems(List<KeyedFact> facts, Watermark last) {
    }

    void saveWatermark(Watermark watermark);

    /** Makes sure the monthly partitions of these months exist (in this transaction, before the facts are written). */
    void ensurePartitions(Collection<YearMonth> months);

    /**
     * Stores facts, replacing a stored fact of the same item, and brings the rollup rows of every day each touches
     * (arrival and closing, before and after) up to date in the same transaction: the replaced fact counted out, the
     * new one in. A rollup stays exact without reading the rest of the day's facts.
     */
    void saveFacts(List<KeyedFact> facts, Function<TenantId, ZoneId> zones);

    /**
     * The tenants with days marked for a whole new rollup (unlocked). Days are marked by bulk loads and migrations
     * that write facts without {@link #saveFacts}.
     */
    List<TenantId> tenantsWithChangedDays();

    /** Claims up to {@code limit} of the tenant's days marked for a new rollup (SKIP LOCKED; the claim is the transaction's). */
    List<TenantDay> claimChangedDays(TenantId tenant, int limit);

    /**
     * The facts that arrived or closed on the day (in the zone), the day's rollup locked first until the transaction
     * ends, so no change made by {@link #saveFacts} meanwhile is lost when the rollup is replaced.
     */
    List<WorkFact> factsTouching(TenantId tenant, LocalDate day, ZoneId zone);

    /**
     * Rebuilds each day's rollup whole from its facts ({@link #factsTouching}, so under the day's lock), the days'
     * months changed once for all of them.
     */
    void rebuildRollups(TenantId tenant, List<LocalDate> days, ZoneId zone);

    /** The zone each tenant's rollups are counted in (empty when not known: rows from before zones were recorded). */
    Map<TenantId, String> rollupZones();

    /**
     * Counts the tenant's rollups again in another zone: records the zone, deletes the rows and marks every day the
     * tenant's facts touch, for the rounds to rebuild. False (nothing done) when they already count in that zone.
     */
    boolean recountRollups(TenantId tenant, ZoneId zone);
}
