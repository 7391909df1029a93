package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorRun;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.spi.Cursor;
import health.ordo.spi.DocumentFeed;
import health.ordo.spi.HealthReport;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs connector syncs. Each round, a node leases every connector that is due and whose circuit is closed (so one node pulls
 * a connector at a time) and syncs each on its own task: a source that hangs holds only its own task (every request has a
 * total deadline), never another connector's sync, and the round stops waiting for it after the round's wait while it runs
 * on. A sync pulls pages from the stored cursor and reconciles them; a failing page is retried with exponential backoff and
 * jitter before the round gives up. The cursor is stored after each page, after the page's items, so a crash re-pulls at
 * most one page, which idempotent ingestion absorbs. When the source keeps failing, the connector turns DEGRADED, its
 * cursor stays, and after {@value #BREAKER_THRESHOLD} failed rounds in a row its circuit opens for a while; everything
 * already in Ordo keeps being worked. Every run is recorded with its counts.
 */
final class ConnectorSyncRunner {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_PAGES_PER_ROUND = 50;
    static final int PAGE_ATTEMPTS = 3;
    static final int BREAKER_THRESHOLD = 3;
    /** The longest wait a source may ask for (Retry-After) that a round sits out before trying the page again. */
    static final Duration LONGEST_WAIT_IN_ROUND = Duration.ofSeconds(5);

    private final ConnectorCatalogue catalogue;
    private final SourceReconciliation reconciliation;
    private final ConnectorDocuments documents;
    private final ConnectorStatePort state;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final ExecutorService executor;
    private final Duration roundWait;
    /** Connectors syncing on this node (tenant/name): not started again while their last sync runs on. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    ConnectorSyncRunner(ConnectorCatalogue catalogue, SourceReconciliation reconciliation, ConnectorDocuments documents,
                        ConnectorStatePort state, TransactionPort transactions, Clock clock, Duration retryBase, ExecutorService executor,
                        Duration roundWait) {
        this.catalogue = catalogue;
        this.reconciliation = reconciliation;
        this.documents = documents;
        this.state = state;
        this.transactions = transactions;
        this.clock = clock;
        this.retryBase = retryBase;
        this.executor = executor;
        this.roundWait = roundWait;
    }

    /** One round: starts every due connector's sync on its own task; waits for them up to the round's wait. */
    int syncAll() {
        List<Future<?>> started = new ArrayList<>();
        for (Connector connector : catalogue.connectors()) {
            String key = connector.tenant().value() + "/" + connector.name();
            if (running.contains(key)) {
                continue;
            }
            Instant now = clock.instant();
            Optional<String> leased = transactions.inTransaction(connector.tenant(), () -> state.leaseIfDue(connector.tenant(),
                    connector.name(), connector.type(), connector.adapter().system(), now, LEASE, connector.interval()));
            if (leased.isPresent()) {
                running.add(key);
                try {
                    started.add(executor.submit(() -> {
                        try {
                            sync(connector, leased.get(), "SCHEDULE");
                        } finally {
                            running.remove(key);
                        }
                    }));
                } catch (RuntimeException e) {
                    running.remove(key);
                    throw e;
                }
            }
        }
        long deadline = System.nanoTime() + roundWait.toNanos();
        for (Future<?> sync : started) {
            try {
                sync.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // a slow source syncs on; a failed one recorded its failure in its run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return started.size();
    }

    /** Syncs one connector now, on the caller's thread; when another node or the schedule is at it, waits for its run. */
    void syncNow(TenantId tenant, String name) {
        Connector connector = catalogue.find(tenant, name);
        Instant now = clock.instant();
        Optional<String> leased = transactions.inTransaction(tenant, () -> state.lease(tenant, name, connector.type(),
                connector.adapter().system(), now, LEASE));
        if (leased.isPresent()) {
            sync(connector, leased.get(), "MANUAL");
        } else {
            awaitRunningSync(tenant, name);
        }
    }

    /** Another node (or the schedule) is syncing the connector: wait up to a minute for its run to end, then report. */
    private void awaitRunningSync(TenantId tenant, String name) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            boolean running = transactions.readOnly(tenant, () -> state.runs(tenant, name, 1)).stream()
                    .anyMatch(run -> run.status().equals("RUNNING"));
            if (!running) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Counts of one run. */
    private static final class Tally {
        int pages;
        int fetched;
        int created;
        int updated;
        int unchanged;
        int closed;
        int failed;

        void add(ConnectorStatePort.Progress progress) {
            created += (int) progress.created();
            updated += (int) progress.updated();
            unchanged += (int) progress.duplicates();
            closed += (int) progress.closed();
            failed += (int) progress.rejected();
        }
    }

    private void sync(Connector connector, String storedCursor, String trigger) {
        UUID runId = UUID.randomUUID();
        Instant started = clock.instant();
        transactions.inTransaction(connector.tenant(), () -> {
            state.startRun(connector.tenant(), connector.name(), new ConnectorRun(runId, trigger, started, null, "RUNNING",
                    0, 0, 0, 0, 0, 0, 0, null));
            return null;
        });
        Tally tally = new Tally();
        Cursor cursor = new Cursor(storedCursor);
        Actor actor = new Actor("connector:" + connector.name(), true);
        String error = null;
        try {
            for (int page = 0; page < MAX_PAGES_PER_ROUND; page++) {
                PullResult result = pullWithRetries(connector, cursor);
                tally.pages++;
                tally.fetched += result.commands().size() + result.closures().size() + result.rejections().size() + result.payments().size();
                ConnectorStatePort.Progress progress = reconciliation.apply(connector, result, actor);
                tally.add(progress);
                Cursor next = result.next();
                transactions.inTransaction(connector.tenant(), () -> {
                    state.advance(connector.tenant(), connector.name(), next.value(), progress, clock.instant());
                    return null;
                });
                cursor = next;
                if (!result.hasMore()) {
                    break;
                }
            }
            Optional<DocumentFeed> feed = connector.adapter().documents();
            if (feed.isPresent()) {
                ConnectorStatePort.Progress progress = documents.deliver(connector, feed.get());
                tally.pages++;
                tally.fetched += (int) (progress.created() + progress.duplicates() + progress.rejected());
                tally.add(progress);
                String at = cursor.value();
                transactions.inTransaction(connector.tenant(), () -> {
                    state.advance(connector.tenant(), connector.name(), at, progress, clock.instant());
                    return null;
                });
            }
            HealthReport health = connector.adapter().health();
            finish(connector, health.status().name(), health.reason(), true);
        } catch (SourceUnavailableException e) {
            error = e.getMessage();
            HealthReport health = connector.adapter().health();
            String status = health.status() == HealthReport.Status.UP ? HealthReport.Status.DEGRADED.name() : health.status().name();
            finish(connector, status, e.getMessage(), false, e.retryAfter().orElse(null));
        } catch (RuntimeException e) {
            // the tenant sees that the sync failed, not the internals of why (the exception goes on to the log)
            error = "sync failed: an internal error (" + e.getClass().getSimpleName() + ")";
            finish(connector, HealthReport.Status.DEGRADED.name(), error, false);
            throw e;
        } finally {
            String message = error;
            transactions.inTransaction(connector.tenant(), () -> {
                state.finishRun(connector.tenant(), new ConnectorRun(runId, trigger, started, clock.instant(),
                        message == null ? "SUCCEEDED" : "FAILED", tally.pages, tally.fetched, tally.created, tally.updated,
                        tally.unchanged, tally.closed, tally.failed, message));
                return null;
            });
        }
    }

    /**
     * A page, tried {@value #PAGE_ATTEMPTS} times with exponential backoff and full jitter between attempts; a source
     * that said when to come back is waited for (up to {@link #LONGEST_WAIT_IN_ROUND}; longer, the round ends and the
     * circuit stays open that long), and refused credentials are not tried again in the round.
     */
    private PullResult pullWithRetries(Connector connector, Cursor cursor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return connector.adapter().pull(cursor, connector.pageSize());
            } catch (SourceUnavailableException e) {
                Duration asked = e.retryAfter().orElse(Duration.ZERO);
                if (attempt == PAGE_ATTEMPTS || !e.retryable() || asked.compareTo(LONGEST_WAIT_IN_ROUND) > 0) {
                    throw e;
                }
                long ceiling = retryBase.toMillis() << (attempt - 1);
                try {
                    Thread.sleep(Math.max(asked.toMillis(), ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void finish(Connector connector, String health, String reason, boolean success) {
        finish(connector, health, reason, success, null);
    }

    /** @param retryAfter how long the source asked to be left alone: the circuit stays open at least that long */
    private void finish(Connector connector, String health, String reason, boolean success, Duration retryAfter) {
        transactions.inTransaction(connector.tenant(), () -> {
            Duration openFor = null;
            if (!success) {
                int failures = state.consecutiveFailures(connector.tenant(), connector.name()) + 1;
                if (failures >= BREAKER_THRESHOLD) {
                    long minutes = Math.min(30, 1L << Math.min(5, failures - BREAKER_THRESHOLD));
                    openFor = Duration.ofMinutes(minutes);
                }
                if (retryAfter != null && (openFor == null || retryAfter.compareTo(openFor) > 0)) {
                    openFor = retryAfter;
                }
            }
            state.finish(connector.tenant(), connector.name(), health, reason, success, clock.instant(), openFor);
            return null;
        });
    }
}
