package health.ordo.adapter.persistence.writeback;

import health.ordo.adapter.persistence.PersistenceTestSupport;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.port.out.writeback.WriteBackOutboxPort;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Write-backs reach each source in queue order, across rounds and nodes: a newer one waits while an older one of its
 * source is pending and not due (failed, backing off) or leased by another node; one set aside as FAILED holds nothing back.
 */
@MicronautTest(transactional = false)
class WriteBackOrderTest extends PersistenceTestSupport {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    SaveWorkItemPort items;
    @Inject
    WriteBackOutboxPort outbox;

    private TenantId tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant("wbo");
    }

    private WriteBack queued(String system, Instant createdAt) {
        WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.PAYMENT_BLOCK, new SourceReference(system,
                UUID.randomUUID().toString()), "Block", Money.of("10.00", "USD"), null, null, Attributes.of(Map.of()), null), Actor.SYSTEM,
                createdAt);
        WriteBack writeBack = new WriteBack(UUID.randomUUID(), tenant, item.id(), system, item.content().source().externalId(),
                "RELEASED", null, item.id().value() + ":RELEASED", WriteBack.Status.PENDING, 0, createdAt, null, createdAt, null, null);
        tx.inTransaction(tenant, () -> {
            items.insertIfSourceAbsent(item, item.pullChanges());
            outbox.enqueue(writeBack);
            return null;
        });
        return writeBack;
    }

    private List<UUID> leased(Instant now) {
        assertThat(tx.readAcrossTenants(() -> outbox.tenantsWithDue(now))).contains(tenant);
        List<UUID> ids = tx.inTransaction(tenant, () -> outbox.leaseDue(tenant, now, Duration.ofMinutes(2), 100)).stream()
                .map(WriteBack::id).toList();
        tx.inTransaction(tenant, () -> {
            ids.forEach(id -> outbox.markRetry(tenant, id, 0, now, null)); // give the lease back
            return null;
        });
        return ids;
    }

    @Test
    void aNewerWriteBackWaitsForAnOlderOneOfItsSourceThatIsBackingOff_untilThatOneIsSetAside() {
        WriteBack older = queued("sap-s4hana", T0);
        WriteBack newer = queued("sap-s4hana", T0.plusSeconds(3));
        WriteBack otherSource = queued("oracle-fusion", T0.plusSeconds(4));
        Instant now = T0.plusSeconds(5);
        tx.inTransaction(tenant, () -> {
            outbox.markRetry(tenant, older.id(), 1, now.plusSeconds(600), "SAP refused the release (400): locked by user");
            return null;
        });

        assertThat(leased(now)).containsExactly(otherSource.id());

        assertThat(tx.inTransaction(tenant, () -> outbox.markRefused(tenant, older.id(), 30, now.plusSeconds(600), "refused", 2)))
                .as("the first refusal of two allowed").isFalse();
        assertThat(leased(now)).containsExactly(otherSource.id());
        assertThat(tx.inTransaction(tenant, () -> outbox.markRefused(tenant, older.id(), 31, now.plusSeconds(600), "refused", 2)))
                .as("the second: set aside").isTrue();
        assertThat(leased(now)).containsExactly(newer.id(), otherSource.id());

        tx.inTransaction(tenant, () -> {
            outbox.requeue(tenant, older.id(), now);
            return null;
        });
        assertThat(leased(now)).containsExactly(older.id(), newer.id(), otherSource.id());
        assertThat(tx.inTransaction(tenant, () -> outbox.lock(tenant, older.id())).orElseThrow())
                .satisfies(w -> assertThat(w.status()).isEqualTo(WriteBack.Status.PENDING))
                .satisfies(w -> assertThat(w.attempts()).isZero());
    }
}
