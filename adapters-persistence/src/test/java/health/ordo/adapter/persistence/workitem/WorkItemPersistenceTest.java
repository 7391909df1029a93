package health.ordo.adapter.persistence.workitem;

import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.ConcurrentUpdateException;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.sla.BusinessCalendar;
import health.ordo.domain.sla.WorkingWindow;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.score.FactorContribution;
import health.ordo.domain.score.FiredRule;
import health.ordo.domain.score.PriorityScore;
import health.ordo.domain.score.ScoreExplanation;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemEvent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The work item ports against a real PostgreSQL (embedded), schema from the Flyway migrations. */
@MicronautTest(transactional = false)
class WorkItemPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Inject
    LoadWorkItemPort loadPort;
    @Inject
    SaveWorkItemPort savePort;
    @Inject
    FindWorkItemsPort findPort;
    @Inject
    AppendEventsPort eventsPort;
    @Inject
    SaveTenantPort tenantPort;
    @Inject
    TransactionPort tx;
    @Inject
    JdbcOperations jdbc;
    @Inject
    SlaTimerPort timers;
    @Inject
    SlaConfigPort slaConfig;

    private TenantId tenant;

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tx.inTransaction(tenant, () -> tenantPort.createTenantIfAbsent(tenant, "Test tenant"));
    }

    private WorkItemContent content(String externalId, String amount, Instant dueAt) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("payer", "Blue Cross Blue Shield of Texas");
        attributes.put("carc", "CO-50");
        attributes.put("lineCount", new BigDecimal("3"));
        attributes.put("paidRatio", new BigDecimal("0.1234567890123456789"));
        attributes.put("appealable", true);
        return new WorkItemContent(WorkItemType.CLAIM_DENIAL, new SourceReference("payer-835", externalId),
                "Denied: not medically necessary", amount == null ? null : Money.of(amount, "USD"), dueAt,
                dueAt == null ? null : dueAt.plusSeconds(86400), Attributes.of(attributes), null);
    }

    static ScoreExplanation explanation(String score) {
        return new ScoreExplanation(new PriorityScore(new BigDecimal(score)),
                List.of(new FactorContribution("FINANCIAL_IMPACT", "1234.50 USD", new BigDecimal("0.5161"), new BigDecimal("30"),
                        new BigDecimal("15.4830"))),
                List.of(new FiredRule("deadline within 2 business days", "FLOOR 70", new BigDecimal("15.48"), new BigDecimal("70.00"))),
                "denials", 3, NOW, true, List.of("recovery likelihood: model failed; used prior: CARC 50"),
                new BigDecimal("0.35"), "prior: CARC 50", "model failed");
    }

    private WorkItem stored(String externalId, String score, Instant dueAt) {
        WorkItem item = WorkItem.create(tenant, content(externalId, "100.00", dueAt), Actor.SYSTEM, NOW);
        item.applyScore(explanation(score), NOW);
        tx.inTransaction(tenant, () -> savePort.insertIfSourceAbsent(item, item.pullChanges()));
        return item;
    }

    @Test
    void givenABatch_insertAll_storesTheNewOnesWithTheirHistory_andSkipsASourceAlreadyStored() {
        WorkItem known = stored("CLP-B", "10.00", null);
        List<WorkItem> batch = new java.util.ArrayList<>();
        List<WorkItem.Changes> changes = new java.util.ArrayList<>();
        for (String id : List.of("CLP-A", "CLP-B", "CLP-C")) {
            WorkItem item = WorkItem.create(tenant, content(id, "250.00", null), Actor.SYSTEM, NOW);
            item.applyScore(explanation("33.00"), NOW);
            batch.add(item);
            changes.add(item.pullChanges());
        }

        boolean[] inserted = tx.inTransaction(tenant, () -> savePort.insertAllIfSourceAbsent(batch, changes));

        assertThat(inserted).containsExactly(true, false, true);
        Map<SourceReference, WorkItem> bySource = tx.readOnly(tenant, () -> loadPort.loadBySources(tenant, List.of(
                new SourceReference("payer-835", "CLP-A"), new SourceReference("payer-835", "CLP-B"),
                new SourceReference("payer-835", "CLP-C"), new SourceReference("payer-835", "CLP-none"))));
        assertThat(bySource).hasSize(3);
        assertThat(bySource.get(new SourceReference("payer-835", "CLP-B")).id()).isEqualTo(known.id());
        assertThat(bySource.get(new SourceReference("payer-835", "CLP-A")).id()).isEqualTo(batch.get(0).id());
        assertThat(bySource.get(new SourceReference("payer-835", "CLP-C")).priorityScore().value()).isEqualByComparingTo("33.00");
        assertThat(tx.readOnly(tenant, () -> loadPort.loadHistory(tenant, batch.get(2).id())))
                .hasSameSizeAs(changes.get(2).history()).isNotEmpty();
        assertThat(tx.readOnly(tenant, () -> loadPort.loadHistory(tenant, batch.get(1).id()))).as("nothing of the skipped one").isEmpty();
    }

    @Test
    void givenABatchOverSeveralStatements_insertAll_storesEachNewOneOnce_andSkipsTheKnownSourceInTheSecond() {
        int size = JdbcWorkItemRepository.ROWS_PER_INSERT * 2 + 1;
        WorkItem known = stored("CLP-" + (JdbcWorkItemRepository.ROWS_PER_INSERT + 7), "10.00", null);
        List<WorkItem> batch = new java.util.ArrayList<>();
        List<WorkItem.Changes> changes = new java.util.ArrayList<>();
        for (int k = 0; k < size; k++) {
            WorkItem item = WorkItem.create(tenant, content("CLP-" + k, "250.00", null), Actor.SYSTEM, NOW);
            item.applyScore(explanation("33.00"), NOW);
            batch.add(item);
            changes.add(item.pullChanges());
        }

        boolean[] inserted = tx.inTransaction(tenant, () -> savePort.insertAllIfSourceAbsent(batch, changes));

        int skipped = JdbcWorkItemRepository.ROWS_PER_INSERT + 7;
        for (int k = 0; k < size; k++) {
            assertThat(inserted[k]).as("item %d", k).isEqualTo(k != skipped);
        }
        List<SourceReference> sources = java.util.stream.IntStream.range(0, size)
                .mapToObj(k -> new SourceReference("payer-835", "CLP-" + k)).toList();
        Map<SourceReference, WorkItem> bySource = tx.readOnly(tenant, () -> loadPort.loadBySources(tenant, sources));
        assertThat(bySource).hasSize(size);
        assertThat(bySource.get(sources.get(skipped)).id()).isEqualTo(known.id());
        assertThat(bySource.get(sources.get(size - 1)).id()).isEqualTo(batch.get(size - 1).id());
        long historyRows = tx.readOnly(tenant, () -> health.ordo.adapter.persistence.Sql.query(jdbc, "select count(*) from work_item_history where tenant_id = ?",
                rs -> rs.getLong(1), tenant.value())).get(0);
        long expected = changes.get(0).history().size() * (long) (size - 1) + tx.readOnly(tenant, () -> loadPort.loadHistory(tenant, known.id())).size();
        assertThat(historyRows).as("each inserted item's history once, none for the skipped one").isEqualTo(expected);
    }

    @Test
    void givenMoreEventsAndTimersThanOneStatementHolds_appendAndAddPending_storeEachOnceAtCommit() {
        WorkItem item = stored("CLP-MANY", "10.00", null);
        int many = 4_001;
        List<WorkItemEvent> events = new java.util.ArrayList<>();
        List<SlaTimerPort.Timer> planned = new java.util.ArrayList<>();
        for (int k = 0; k < many; k++) {
            events.add(new WorkItemEvent.WorkItemCreated(tenant, item.id(), NOW, Actor.SYSTEM, WorkItemType.CLAIM_DENIAL,
                    new SourceReference("payer-835", "CLP-MANY"), "denials"));
            planned.add(new SlaTimerPort.Timer(UUID.randomUUID(), tenant, item.id(), "GOAL_" + k, NOW.plusSeconds(k)));
        }

        tx.inTransaction(tenant, () -> {
            eventsPort.append(events);
            timers.addPending(planned);
            return null;
        });

        String count = "select (select count(*) from outbox_event where tenant_id = ? and aggregate_id = ?),"
                + " (select count(*) from sla_timer where tenant_id = ? and work_item_id = ? and fired_at is null)";
        List<long[]> counts = tx.readOnly(tenant, () -> health.ordo.adapter.persistence.Sql.query(jdbc, count,
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, tenant.value(), item.id().value(), tenant.value(), item.id().value()));
        assertThat(counts.get(0)[1]).isEqualTo(many);
        assertThat(counts.get(0)[0]).isEqualTo(many);
    }

    @Test
    void givenNewItem_insertThenLoad_roundTripsEveryFieldExactly() {
        WorkItem item = WorkItem.create(tenant, content("CLP-1", "1234.50", NOW.plusSeconds(3600)), Actor.SYSTEM, NOW);
        item.applyScore(explanation("42.17"), NOW);

        boolean inserted = tx.inTransaction(tenant, () -> savePort.insertIfSourceAbsent(item, item.pullChanges()));
        WorkItem loaded = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();

        assertThat(inserted).isTrue();
        assertThat(loaded.content()).isEqualTo(item.content());
        assertThat(loaded.content().fingerprint()).isEqualTo(item.contentFingerprint());
        assertThat(loaded.contentFingerprint()).isEqualTo(item.contentFingerprint());
        assertThat(loaded.content().attributes().values().get("paidRatio"))
                .isEqualTo(new BigDecimal("0.1234567890123456789"));
        assertThat(loaded.priorityScore()).isEqualTo(item.priorityScore());
        assertThat(loaded.scoreBasis()).isEqualTo(item.scoreBasis());
        assertThat(loaded.scoreBasis().degradedReason()).isEqualTo("model failed");

        ScoreExplanation empty = new ScoreExplanation(new PriorityScore(BigDecimal.ONE), List.of(), List.of(), "builtin", 0,
                NOW.plusSeconds(5), false, List.of(), new BigDecimal("0.123456789"), "learned: Aetna / CARC 50 (3 closed)", null);
        WorkItem reloaded = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();
        reloaded.applyScore(empty, NOW.plusSeconds(5));
        tx.inTransaction(tenant, () -> {
            savePort.update(reloaded, reloaded.pullChanges());
            return null;
        });
        assertThat(tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow().scoreBasis())
                .as("a later basis replaces the first, exactly").isEqualTo(empty.basis());
        assertThat(loaded.status()).isEqualTo(WorkItemStatus.READY);
        assertThat(loaded.createdAt()).isEqualTo(NOW);
        assertThat(loaded.queue()).isEqualTo("denials");
        assertThat(tx.readOnly(tenant, () -> loadPort.loadHistory(tenant, item.id())))
                .singleElement().satisfies(h -> assertThat(h.action()).isEqualTo("create"));
    }

    @Test
    void givenSameSourceRecord_secondInsert_writesNothing() {
        stored("CLP-2", "10", null);
        WorkItem again = WorkItem.create(tenant, content("CLP-2", "100.00", null), Actor.SYSTEM, NOW);

        boolean inserted = tx.inTransaction(tenant, () -> savePort.insertIfSourceAbsent(again, again.pullChanges()));

        assertThat(inserted).isFalse();
        assertThat(tx.readOnly(tenant, () -> loadPort.load(tenant, again.id()))).isEmpty();
        assertThat(tx.readOnly(tenant, () -> loadPort.loadBySource(tenant, new SourceReference("payer-835", "CLP-2")))).isPresent();
    }

    @Test
    void givenOtherTenant_load_findsNothing() {
        WorkItem item = stored("CLP-3", "10", null);
        TenantId other = TenantId.of("o-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(tx.readOnly(tenant, () -> loadPort.load(other, item.id()))).isEmpty();
        assertThat(tx.readOnly(tenant, () -> findPort.find(other, WorkItemFilter.ANY, null, 10))).isEmpty();
    }

    @Test
    void givenTransition_update_storesStateAndAppendsHistory() {
        WorkItem item = stored("CLP-4", "10", null);
        WorkItem loaded = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();
        loaded.claim(Actor.user("alice@demo"), NOW.plusSeconds(5), false);
        loaded.start(Actor.user("alice@demo"), NOW.plusSeconds(6));

        tx.inTransaction(tenant, () -> {
            savePort.update(loaded, loaded.pullChanges());
            return null;
        });

        WorkItem reloaded = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();
        assertThat(reloaded.status()).isEqualTo(WorkItemStatus.IN_PROGRESS);
        assertThat(reloaded.assignee()).isEqualTo("alice@demo");
        assertThat(reloaded.version()).isEqualTo(1);
        assertThat(tx.readOnly(tenant, () -> loadPort.loadHistory(tenant, item.id())))
                .extracting(h -> h.action()).containsExactly("create", "claim", "start");
    }

    @Test
    void lockWithClock_answersTheItemAndTheSameClockInputsAsTheirOwnRead_inOneStatement() {
        WorkItem item = stored("CLP-9", "10", null);
        WorkItem loaded = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();
        loaded.claim(Actor.user("alice@demo"), NOW.plusSeconds(5), false);
        tx.inTransaction(tenant, () -> {
            savePort.update(loaded, loaded.pullChanges());
            return null;
        });
        tx.inTransaction(tenant, () -> {
            slaConfig.saveCalendar(new BusinessCalendar(tenant, "billing", "America/Chicago", Map.of(java.time.DayOfWeek.MONDAY,
                    List.of(new WorkingWindow(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 0)))), java.util.Set.of(), List.of()));
            return null;
        });

        LoadWorkItemPort.LockedForClock locked = tx.inTransaction(tenant, () -> loadPort.loadForUpdateWithClock(tenant, item.id()))
                .orElseThrow();
        SlaTimerPort.ClockInputs own = tx.readOnly(tenant, () -> timers.clockInputs(tenant, item.id()));

        assertThat(locked.item().id()).isEqualTo(item.id());
        assertThat(locked.item().status()).isEqualTo(WorkItemStatus.CLAIMED);
        assertThat(locked.clock().history()).extracting(h -> h.action()).containsExactly("create", "claim");
        assertThat(locked.clock().history()).isEqualTo(own.history());
        assertThat(locked.clock().calendars()).containsOnlyKeys("billing");
        assertThat(locked.clock().policies()).isEqualTo(own.policies());
        assertThat(locked.clock().fired()).isEqualTo(own.fired());
        assertThat(tx.inTransaction(tenant, () -> loadPort.loadForUpdateWithClock(tenant, new WorkItemId(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void givenStaleVersion_update_isRefused() {
        WorkItem item = stored("CLP-5", "10", null);
        WorkItem first = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();
        WorkItem second = tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow();
        first.claim(Actor.user("alice@demo"), NOW, false);
        second.claim(Actor.user("bob@demo"), NOW, false);
        tx.inTransaction(tenant, () -> {
            savePort.update(first, first.pullChanges());
            return null;
        });

        assertThatThrownBy(() -> tx.inTransaction(tenant, () -> {
            savePort.update(second, second.pullChanges());
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tx.readOnly(tenant, () -> loadPort.load(tenant, item.id())).orElseThrow().assignee()).isEqualTo("alice@demo");
    }

    @Test
    void givenBacklog_findPages_walkAllItemsInScoreThenDeadlineOrderWithoutGapsOrRepeats() {
        List<WorkItem> expected = new ArrayList<>();
        expected.add(stored("A", "90", NOW.plusSeconds(100)));
        expected.add(stored("B", "50", NOW.plusSeconds(100)));
        expected.add(stored("C", "50", NOW.plusSeconds(200)));
        expected.add(stored("D", "50", null));
        expected.add(stored("E", "50", null));
        expected.add(stored("F", "10", NOW));
        List<String> walked = new ArrayList<>();
        PageCursor cursor = null;
        do {
            PageCursor after = cursor;
            List<WorkItem> page = tx.readOnly(tenant, () -> findPort.find(tenant, WorkItemFilter.ANY, after, 2));
            page.forEach(i -> walked.add(i.content().source().externalId()));
            cursor = page.size() < 2 ? null : PageCursor.after(page.get(page.size() - 1));
        } while (cursor != null);

        // PostgreSQL orders uuid bytewise (unsigned), as their hex strings do; UUID.compareTo does not.
        List<String> ties = expected.subList(3, 5).stream().sorted((x, y) -> x.id().toString().compareTo(y.id().toString()))
                .map(i -> i.content().source().externalId()).toList();
        assertThat(walked).containsExactly("A", "B", "C", ties.get(0), ties.get(1), "F");
    }

    @Test
    void givenFilters_find_returnsOnlyMatchingItems() {
        WorkItem claimed = stored("G", "20", null);
        stored("H", "30", null);
        WorkItem loaded = tx.readOnly(tenant, () -> loadPort.load(tenant, claimed.id())).orElseThrow();
        loaded.claim(Actor.user("alice@demo"), NOW, false);
        tx.inTransaction(tenant, () -> {
            savePort.update(loaded, loaded.pullChanges());
            return null;
        });

        assertThat(tx.readOnly(tenant, () -> findPort.find(tenant, new WorkItemFilter(WorkItemStatus.CLAIMED, null, null, null), null, 10)))
                .extracting(i -> i.content().source().externalId()).containsExactly("G");
        assertThat(tx.readOnly(tenant, () -> findPort.find(tenant, new WorkItemFilter(null, null, null, "alice@demo"), null, 10)))
                .hasSize(1);
        assertThat(tx.readOnly(tenant, () -> findPort.find(tenant, new WorkItemFilter(null, WorkItemType.INVOICE_HOLD, null, null), null, 10)))
                .isEmpty();
        assertThat(tx.readOnly(tenant, () -> findPort.find(tenant, new WorkItemFilter(null, null, "denials", null), null, 10)))
                .hasSize(2);
    }

    @Test
    void givenEvents_append_writesThemToTheOutbox() {
        WorkItem item = WorkItem.create(tenant, content("CLP-9", "5.00", null), Actor.SYSTEM, NOW);
        WorkItem.Changes changes = item.pullChanges();

        tx.inTransaction(tenant, () -> {
            savePort.insertIfSourceAbsent(item, changes);
            eventsPort.append(changes.events());
            return null;
        });
        // a change with two events (claim and start in one step): both, in order
        tx.inTransaction(tenant, () -> {
            WorkItem locked = loadPort.loadForUpdate(tenant, item.id()).orElseThrow();
            locked.claim(Actor.user("ann@x"), NOW, false);
            locked.start(Actor.user("ann@x"), NOW);
            WorkItem.Changes claimedAndStarted = locked.pullChanges();
            savePort.update(locked, claimedAndStarted);
            eventsPort.append(claimedAndStarted.events());
            return null;
        });

        List<String> rows = tx.readOnly(tenant, () -> health.ordo.adapter.persistence.Sql.prepare(jdbc,
                "select event_type, payload->>'externalId' from outbox_event where aggregate_id = ? order by seq", statement -> {
                    statement.setObject(1, item.id().value());
                    List<String> found = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1) + ":" + rs.getString(2));
                        }
                    }
                    return found;
                }));
        assertThat(rows).containsExactly("WorkItemCreated:CLP-9", "WorkItemClaimed:null", "WorkItemStarted:null");
    }

    @Test
    void givenFailureInsideTransaction_nothingIsKept() {
        WorkItem item = WorkItem.create(tenant, content("CLP-10", "5.00", null), Actor.SYSTEM, NOW);

        assertThatThrownBy(() -> tx.inTransaction(tenant, () -> {
            savePort.insertIfSourceAbsent(item, item.pullChanges());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(tx.readOnly(tenant, () -> loadPort.load(tenant, item.id()))).isEmpty();
    }
}
