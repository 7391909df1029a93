package health.ordo.adapter.persistence.transaction;

import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes deferred to the end of a unit of work ({@code Sql.defer}: outbox, audit, timer plans) on real PostgreSQL: they
 * travel with the unit's commit, keep their order, fail the whole unit when one fails, vanish with a unit that fails,
 * and a long unit sends them in parts.
 */
@MicronautTest(transactional = false)
class DeferredWritesTest {

    private static final String INSERT_EVENT = """
            insert into outbox_event (tenant_id, event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, payload)
            values (?, ?, ?, 'WorkItem', ?, ?, 'test', '{}'::jsonb)""";

    @Inject
    TransactionPort tx;
    @Inject
    JdbcOperations jdbc;
    @Inject
    SaveTenantPort tenants;

    private TenantId tenant;
    private UUID aggregate;

    @BeforeEach
    void tenant() {
        tenant = TenantId.of("deferred-" + UUID.randomUUID().toString().substring(0, 8));
        aggregate = UUID.randomUUID();
        tx.inTransaction(tenant, () -> tenants.createTenantIfAbsent(tenant, tenant.value()));
    }

    private void deferEvent(UUID eventId, String type) {
        Sql.defer(jdbc, INSERT_EVENT, tenant.value(), eventId, type, aggregate, Instant.now());
    }

    private long events() {
        return tx.readOnly(tenant, () -> Sql.query(jdbc, "select count(*) from outbox_event where aggregate_id = ?",
                rs -> rs.getLong(1), aggregate).get(0));
    }

    @Test
    void deferredWritesArriveWithTheCommitInTheirOrder() {
        long seenInside = tx.inTransaction(tenant, () -> {
            deferEvent(UUID.randomUUID(), "First");
            deferEvent(UUID.randomUUID(), "Second");
            // not sent yet: nothing in the unit reads them back
            return Sql.query(jdbc, "select count(*) from outbox_event where aggregate_id = ?", rs -> rs.getLong(1), aggregate).get(0);
        });

        assertThat(seenInside).isZero();
        assertThat(tx.readOnly(tenant, () -> Sql.query(jdbc, "select event_type from outbox_event where aggregate_id = ? order by seq",
                rs -> rs.getString(1), aggregate))).containsExactly("First", "Second");
        // the connection went back to the pool in a usable state: the next units run and commit normally
        for (int i = 0; i < 30; i++) {
            tx.inTransaction(tenant, () -> {
                deferEvent(UUID.randomUUID(), "Later");
                return null;
            });
        }
        assertThat(events()).isEqualTo(32);
    }

    @Test
    void aFailingDeferredWriteFailsTheWholeUnitWithItsImmediateWrites() {
        UUID duplicate = UUID.randomUUID();
        tx.inTransaction(tenant, () -> {
            deferEvent(duplicate, "Original");
            return null;
        });

        assertThatThrownBy(() -> tx.inTransaction(tenant, () -> {
            // an immediate write, then a deferred one that breaks the unique event id when the unit ends
            Sql.update(jdbc, INSERT_EVENT, tenant.value(), UUID.randomUUID(), "Immediate", aggregate, Instant.now());
            deferEvent(duplicate, "Duplicate");
            return null;
        })).hasMessageContaining("outbox_event_event_id_key");

        assertThat(tx.readOnly(tenant, () -> Sql.query(jdbc, "select event_type from outbox_event where aggregate_id = ?",
                rs -> rs.getString(1), aggregate))).containsExactly("Original");
    }

    @Test
    void aUnitThatFailsSendsNoneOfItsDeferredWrites() {
        assertThatThrownBy(() -> tx.inTransaction(tenant, () -> {
            deferEvent(UUID.randomUUID(), "Never");
            throw new IllegalStateException("the use case refused");
        })).hasMessage("the use case refused");

        assertThat(events()).isZero();
    }

    @Test
    void aLongUnitSendsItsDeferredWritesInPartsAndKeepsThemAll() {
        int count = 2_000; // 10,000 parameters: more than one part
        tx.inTransaction(tenant, () -> {
            for (int i = 0; i < count; i++) {
                deferEvent(UUID.randomUUID(), "Bulk");
            }
            return null;
        });

        assertThat(events()).isEqualTo(count);
    }
}
