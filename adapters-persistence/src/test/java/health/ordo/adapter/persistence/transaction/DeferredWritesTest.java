package health.ordo.adapter.persistence.transaction;

import health.ordo.adapter.persistence.PersistenceTestSupport;
import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.out.workitem.ConcurrentUpdateException;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.HistoryEntry;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes held back in a unit of work ({@code Sql.defer}: outbox, audit, timer plans, a work item's new state) on real
 * PostgreSQL: they travel in front of the unit's next statement or with its commit, keep their order, are seen by later
 * reads of the unit, fail the whole unit when one fails (a stale work item version as a concurrent update), vanish with
 * a unit that fails, and a long unit sends them in parts.
 */
@MicronautTest(transactional = false)
class DeferredWritesTest extends PersistenceTestSupport {

    private static final String INSERT_EVENT = """
            insert into outbox_event (tenant_id, event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, payload)
            values (?, ?, ?, 'WorkItem', ?, ?, 'test', '{}'::jsonb)""";

    @Inject
    SaveWorkItemPort items;
    @Inject
    LoadWorkItemPort loads;

    private TenantId tenant;
    private UUID aggregate;

    @BeforeEach
    void tenant() {
        tenant = newTenant("deferred");
        aggregate = UUID.randomUUID();
    }

    private void deferEvent(UUID eventId, String type) {
        Sql.defer(jdbc, INSERT_EVENT, tenant.value(), eventId, type, aggregate, Instant.now());
    }

    private long events() {
        return tx.readOnly(tenant, () -> Sql.query(jdbc, "select count(*) from outbox_event where aggregate_id = ?",
                rs -> rs.getLong(1), aggregate).get(0));
    }

    @Test
    void heldWritesTravelInFrontOfTheNextStatementAndWithTheCommitInTheirOrder() {
        long seenInside = tx.inTransaction(tenant, () -> {
            deferEvent(UUID.randomUUID(), "First");
            // read-your-writes: the held write goes in front of this read, in its round trip
            long before = Sql.query(jdbc, "select count(*) from outbox_event where aggregate_id = ?", rs -> rs.getLong(1), aggregate).get(0);
            deferEvent(UUID.randomUUID(), "Second");
            return before;
        });

        assertThat(seenInside).isEqualTo(1);
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
    void aStreamedReadAsTheUnitsFirstStatementSendsTheHeldWritesFirstAndReadsEveryRowPastItsFetchSize() {
        List<Integer> read = new java.util.ArrayList<>();
        List<String> openCursors = new java.util.ArrayList<>();
        long seenInside = tx.inTransaction(tenant, () -> {
            deferEvent(UUID.randomUUID(), "Held");
            Sql.forEach(jdbc, "select g from generate_series(1, 5000) g order by g", 100, rs -> rs.getInt(1), g -> {
                if (g == 1) {
                    // at the first row the read is a portal left open on the server, rows still to fetch: not a list in memory
                    openCursors.addAll(Sql.query(jdbc, "select statement from pg_cursors where position('pg_cursors' in statement) = 0",
                            rs -> rs.getString(1)));
                }
                read.add(g);
            });
            return Sql.query(jdbc, "select count(*) from outbox_event where aggregate_id = ?", rs -> rs.getLong(1), aggregate).get(0);
        });

        assertThat(openCursors).singleElement().asString().contains("generate_series(1, 5000)");
        assertThat(read).hasSize(5000).startsWith(1, 2, 3).endsWith(4999, 5000).isSorted();
        assertThat(seenInside).isEqualTo(1);
        assertThat(events()).isEqualTo(1);
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
    void aHeldWorkItemUpdateWithItsHistoryIsSeenByTheUnitsNextReads() {
        WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("erp", "H-2"),
                "Hold", Money.of("10.00", "USD"), null, null, Attributes.of(Map.of()), null), Actor.SYSTEM, Instant.now());
        tx.inTransaction(tenant, () -> items.insertIfSourceAbsent(item, item.pullChanges()));

        List<String> actions = tx.inTransaction(tenant, () -> {
            WorkItem locked = loads.loadForUpdate(tenant, item.id()).orElseThrow();
            locked.claim(Actor.user("ann@x"), Instant.now(), false);
            items.update(locked, locked.pullChanges());
            // the held update (two statements: the row and its history) travels in front of these reads
            assertThat(loads.load(tenant, item.id()).orElseThrow().assignee()).isEqualTo("ann@x");
            return loads.loadHistory(tenant, item.id()).stream().map(HistoryEntry::action).toList();
        });

        assertThat(actions).endsWith("claim");
    }

    @Test
    void aStaleWorkItemUpdateHeldForTheCommitFailsAsAConcurrentUpdate() {
        WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("erp", "H-1"),
                "Hold", Money.of("10.00", "USD"), null, null, Attributes.of(Map.of()), null), Actor.SYSTEM, Instant.now());
        tx.inTransaction(tenant, () -> items.insertIfSourceAbsent(item, item.pullChanges()));
        WorkItem first = tx.readOnly(tenant, () -> loads.load(tenant, item.id())).orElseThrow();
        WorkItem stale = tx.readOnly(tenant, () -> loads.load(tenant, item.id())).orElseThrow();
        Instant now = Instant.now();

        tx.inTransaction(tenant, () -> {
            first.claim(Actor.user("ann@x"), now, false);
            items.update(first, first.pullChanges());
            return null;
        });
        assertThatThrownBy(() -> tx.inTransaction(tenant, () -> {
            stale.claim(Actor.user("bob@x"), now, false);
            items.update(stale, stale.pullChanges());
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);

        WorkItem stored = tx.readOnly(tenant, () -> loads.load(tenant, item.id())).orElseThrow();
        assertThat(stored.assignee()).isEqualTo("ann@x");
        assertThat(tx.readOnly(tenant, () -> loads.loadHistory(tenant, item.id()))).extracting(HistoryEntry::actor)
                .extracting(Actor::name).doesNotContain("bob@x");
    }

    @Test
    void heldWritesStayHeldWhenTheStatementTheyWereToTravelWithNeverRan() {
        tx.inTransaction(tenant, () -> {
            deferEvent(UUID.randomUUID(), "Kept");
            try {
                Sql.prepare(jdbc, "select 1", statement -> {
                    throw new java.sql.SQLException("failed while binding, before anything was sent");
                });
            } catch (RuntimeException expectedAndHandled) {
                // the unit goes on
            }
            return null;
        });

        assertThat(events()).isEqualTo(1);
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
