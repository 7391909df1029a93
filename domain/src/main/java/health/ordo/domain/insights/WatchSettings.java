package health.ordo.domain.insights;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;

import java.util.Objects;

/**
 * How a tenant's watch alarms: the robust score and absolute change a day needs to count as unusual, the age and count
 * of open items that make a queue's backlog alarming, and whether each new anomaly also becomes a work item
 * ({@code OPERATIONS_ALERT}) for its owner.
 *
 * @param agingMax open items older than {@code agingDays} a queue may hold before it alarms; null: aging is not watched
 * @param owner    who the alert items are for (a login of the tenant), or null for the queue's workers
 */
public record WatchSettings(TenantId tenant, double threshold, double minDeviation, int agingDays, Integer agingMax,
                            boolean createWorkItems, String owner) {

    public static final double DEFAULT_THRESHOLD = 3.5;
    public static final double DEFAULT_MIN_DEVIATION = 5;
    public static final int DEFAULT_AGING_DAYS = 30;

    public WatchSettings {
        Objects.requireNonNull(tenant, "tenant");
        InvalidValueException.require(threshold >= 2 && threshold <= 20, "threshold", "threshold lies between 2 and 20");
        InvalidValueException.require(minDeviation >= 0 && minDeviation <= 1_000_000, "minDeviation", "minDeviation lies between 0 and 1000000");
        InvalidValueException.require(agingDays >= 1 && agingDays <= 3650, "agingDays", "agingDays lies between 1 and 3650");
        InvalidValueException.require(agingMax == null || agingMax >= 0, "agingMax", "agingMax is 0 or more");
        InvalidValueException.require(owner == null || owner.endsWith("@" + tenant.value()), "owner",
                "owner is a user of this tenant, e.g. name@" + tenant.value());
    }

    public static WatchSettings defaults(TenantId tenant) {
        return new WatchSettings(tenant, DEFAULT_THRESHOLD, DEFAULT_MIN_DEVIATION, DEFAULT_AGING_DAYS, null, false, null);
    }
}
