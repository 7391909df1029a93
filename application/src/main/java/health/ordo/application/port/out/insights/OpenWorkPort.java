package health.ordo.application.port.out.insights;

import health.ordo.domain.shared.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Ordo's open work as the breach forecast needs it. */
public interface OpenWorkPort {

    /** An open item: queue, type, started (claimed or in progress), score, binding deadline, money at stake. */
    record OpenItem(String id, String queue, String type, boolean started, double score, Instant deadline, BigDecimal amount) {
    }

    List<OpenItem> openItems(TenantId tenant);

    /** Per queue, the current scores of items that arrived since {@code since}: where new arrivals land in the order. */
    Map<String, double[]> arrivalScores(TenantId tenant, Instant since);
}
