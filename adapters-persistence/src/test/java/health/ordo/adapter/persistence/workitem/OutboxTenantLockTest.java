package health.ordo.adapter.persistence.workitem;

import health.ordo.adapter.persistence.PersistenceTestSupport;
import health.ordo.adapter.persistence.Sql;
import health.ordo.adapter.persistence.embedded.EmbeddedPostgresServer;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appending outbox events locks nothing of the tenant's row: every state change of every item appends events, and a
 * lock on the one tenant row shared by all of a tenant's concurrent changes becomes a multixact rewritten on each insert.
 */
@MicronautTest(transactional = false)
class OutboxTenantLockTest extends PersistenceTestSupport {

    @Inject
    AppendEventsPort events;
    @Inject
    EmbeddedPostgresServer postgres;

    @Test
    void aTransactionThatAppendedEvents_holdsNoLockOnItsTenantsRow() throws Exception {
        TenantId tenant = newTenant("outbox");
        WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("erp", "H-1"), "Hold",
                Money.of("10.00", "USD"), null, null, Attributes.of(Map.of()), null), Actor.SYSTEM, Instant.now());
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> tx.inTransaction(tenant, () -> {
            events.append(item.pullChanges().events());
            // the held insert travels with this read: from here on it has run, in a transaction still open
            Sql.query(jdbc, "select count(*) from outbox_event where aggregate_id = ?", rs -> rs.getLong(1), item.id().value());
            appended.countDown();
            await(checked);
            return null;
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

        boolean lockedByOthers;
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement probe = owner.prepareStatement("select id from tenant where id = ? for update skip locked")) {
            probe.setString(1, tenant.value());
            try (ResultSet rs = probe.executeQuery()) {
                lockedByOthers = !rs.next();
            }
        } finally {
            checked.countDown();
        }
        open.get(30, TimeUnit.SECONDS);

        assertThat(lockedByOthers).as("the tenant's row is locked by the transaction that appended events").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
