package health.ordo.bootstrap.config;

import health.ordo.application.service.approval.ApprovalService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes approval requests nobody decided within {@code ordo.approvals.expire-after} (7 days), every
 * {@code ordo.approvals.expiry-interval} (1 minute), on every node: rows are taken with SKIP LOCKED, so each request
 * expires once whichever nodes run the round.
 */
@Singleton
class ApprovalSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalSchedule.class);
    static final int BATCH = 500;

    private final ApprovalService approvals;

    ApprovalSchedule(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Scheduled(fixedDelay = "${ordo.approvals.expiry-interval:1m}", initialDelay = "${ordo.approvals.expiry-initial-delay:30s}")
    void expireOverdue() {
        try {
            int expired = approvals.expireOverdue(BATCH);
            if (expired > 0) {
                LOG.info("{} approval requests expired undecided", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("Expiring overdue approval requests failed; the next round retries: {}", e.toString());
        }
    }
}
