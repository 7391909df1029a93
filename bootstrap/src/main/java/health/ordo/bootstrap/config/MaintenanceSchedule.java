package health.ordo.bootstrap.config;

import health.ordo.application.port.in.audit.AuditUseCase;
import health.ordo.application.port.in.secret.RotateSecretsUseCase;
import health.ordo.application.port.in.priority.MaintainScoresUseCase;
import health.ordo.application.port.in.routing.ReleaseExpiredReservationsUseCase;
import health.ordo.application.port.in.writeback.WriteBackUseCase;
import health.ordo.application.port.in.connector.ConnectorUseCase;
import health.ordo.application.port.in.sla.FireEscalationsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs maintenance on every node: chains pending audit entries; fires due SLA escalations; dispatches due write-backs; releases claims whose reservation expired; re-scores items whose score is older than {@code ordo.priority.max-score-age}
 * (default 4 minutes) once a minute, so no stored score is older than about 5 minutes; expires overrides every few
 * seconds; advances re-scoring jobs. Rows are claimed with SKIP LOCKED, so nodes share the work without overlap.
 */
@Singleton
@Requires(property = "ordo.priority.maintenance.enabled", notEquals = "false")
class MaintenanceSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceSchedule.class);
    private static final int BATCH = 1000;
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(50);

    private final MaintainScoresUseCase maintenance;
    private final ReleaseExpiredReservationsUseCase reservations;
    private final FireEscalationsUseCase escalations;
    private final WriteBackUseCase writeBacks;
    private final ConnectorUseCase connectors;
    private final Duration maxScoreAge;
    private final AuditUseCase audit;
    private final RotateSecretsUseCase rotation;

    MaintenanceSchedule(MaintainScoresUseCase maintenance, ReleaseExpiredReservationsUseCase reservations,
                        FireEscalationsUseCase escalations, WriteBackUseCase writeBacks, ConnectorUseCase connectors,
                        @Value("${ordo.priority.max-score-age:4m}") Duration maxScoreAge, AuditUseCase audit, RotateSecretsUseCase rotation) {
        this.audit = audit;
        this.rotation = rotation;
        this.maintenance = maintenance;
        this.reservations = reservations;
        this.escalations = escalations;
        this.writeBacks = writeBacks;
        this.connectors = connectors;
        this.maxScoreAge = maxScoreAge;
    }

    /** Connectors that are due pull what changed at their sources (one node per connector at a time). */
    @Scheduled(fixedDelay = "${ordo.audit.chain-interval:1s}", initialDelay = "2s")
    void chainAuditEntries() {
        try {
            audit.chainPending();
        } catch (RuntimeException e) {
            LOG.warn("Chaining audit entries failed; the next round retries: {}", e.toString());
        }
    }

    /** Stored secrets not yet under the current secrets key are sealed again under it (after a key rotation). */
    @Scheduled(fixedDelay = "${ordo.secrets.rotation-interval:1h}", initialDelay = "${ordo.secrets.rotation-initial-delay:5s}")
    void rotateSecrets() {
        try {
            int resealed = rotation.rotate();
            if (resealed > 0) {
                LOG.info("Sealed {} stored secrets again under the current secrets key", resealed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Re-sealing stored secrets failed; the next round retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${ordo.connectors-tick:30s}", initialDelay = "${ordo.connectors-initial-delay:20s}")
    void syncConnectors() {
        try {
            connectors.syncAll();
        } catch (RuntimeException e) {
            LOG.warn("connector round failed; the next round retries", e);
        }
    }

    /** Due write-backs go to their source systems; failures wait out their backoff. */
    @Scheduled(fixedDelay = "${ordo.write-back.interval:10s}", initialDelay = "${ordo.write-back.initial-delay:8s}")
    void dispatchWriteBacks() {
        Instant until = Instant.now().plusSeconds(30);
        try {
            while (writeBacks.dispatchDue(50) == 50 && Instant.now().isBefore(until)) {
                // more are due
            }
        } catch (RuntimeException e) {
            LOG.warn("write-back round failed; the next round retries", e);
        }
    }

    /** Due SLA escalations fire (on start-up too: the first round catches up on everything that fell due meanwhile). */
    @Scheduled(fixedDelay = "${ordo.sla.escalation-interval:5s}", initialDelay = "${ordo.sla.escalation-initial-delay:3s}")
    void fireEscalations() {
        try {
            while (escalations.fireDue(200) == 200) {
                // more are due
            }
        } catch (RuntimeException e) {
            LOG.warn("Firing SLA escalations failed; next round retries: {}", e.toString());
        }
    }

    /** Claims not started within their queue's reservation timeout go back to READY. */
    @Scheduled(fixedDelay = "${ordo.routing.reservation-check-interval:15s}", initialDelay = "10s")
    void releaseExpiredReservations() {
        try {
            while (reservations.releaseExpired(200) == 200) {
                // more may be due
            }
        } catch (RuntimeException e) {
            LOG.warn("Releasing expired reservations failed; next round retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${ordo.priority.rescore-interval:60s}", initialDelay = "${ordo.priority.rescore-initial-delay:30s}")
    void rescoreStale() {
        Instant until = Instant.now().plus(ROUND_BUDGET);
        int total = 0;
        int batch;
        try {
            do {
                batch = maintenance.rescoreStale(maxScoreAge, BATCH);
                total += batch;
            } while (batch == BATCH && Instant.now().isBefore(until));
        } catch (RuntimeException e) {
            LOG.warn("Re-scoring stale items failed; next round retries: {}", e.toString());
        }
        if (total > 0) {
            LOG.debug("Re-scored {} stale items", total);
        }
    }

    @Scheduled(fixedDelay = "${ordo.priority.override-interval:5s}", initialDelay = "5s")
    void expireOverrides() {
        try {
            maintenance.expireOverrides(200);
        } catch (RuntimeException e) {
            LOG.warn("Expiring overrides failed; next round retries: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${ordo.priority.job-poll:2s}", initialDelay = "2s")
    void advanceJobs() {
        Instant until = Instant.now().plusSeconds(10);
        try {
            while (maintenance.advanceJobs(Duration.ofSeconds(2)) && Instant.now().isBefore(until)) {
                // keep going while there is work and time
            }
        } catch (RuntimeException e) {
            LOG.warn("Advancing background jobs failed; next round retries: {}", e.toString());
        }
    }
}
