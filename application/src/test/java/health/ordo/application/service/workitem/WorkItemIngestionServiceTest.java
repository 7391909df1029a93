package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.domain.sla.SlaPolicy;
import health.ordo.domain.sla.SlaTerms;
import health.ordo.domain.workitem.WorkItemType;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.application.support.TestScoring;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemEvent;
import health.ordo.domain.routing.RoutingCondition;
import health.ordo.domain.routing.RoutingRule;
import health.ordo.domain.workitem.SkillRequirement;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.Attributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static health.ordo.application.support.TestContent.anInvoiceHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class WorkItemIngestionServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Mock
    LoadWorkItemPort loadPort;
    @Mock
    SaveWorkItemPort savePort;
    @Mock
    AppendEventsPort eventsPort;
    @Mock
    WorkforcePort workforce;
    private final DirectTransactions transactions = new DirectTransactions();
    private WorkItemIngestionService service;

    @BeforeEach
    void setUp() {
        service = new WorkItemIngestionService(loadPort, savePort, eventsPort, transactions,
                TestScoring.builtin(Clock.fixed(NOW, ZoneOffset.UTC)), workforce, null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenNewSourceRecord_ingest_storesScoredItemAndAppendsCreatedEvent() {
        WorkItemContent content = anInvoiceHold("HOLD-1");
        when(loadPort.loadBySource(TENANT, content.source())).thenReturn(Optional.empty());
        when(savePort.insertIfSourceAbsent(any(), any())).thenReturn(true);

        IngestOutcome outcome = service.ingest(TENANT, content, Actor.SYSTEM);

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Created.class, created -> {
            assertThat(created.item().priorityScore().value()).isPositive();
            assertThat(created.item().createdAt()).isEqualTo(NOW);
        });
        ArgumentCaptor<List<WorkItemEvent>> events = ArgumentCaptor.forClass(List.class);
        verify(eventsPort).append(events.capture());
        assertThat(events.getValue()).hasSize(2).first().isInstanceOf(WorkItemEvent.WorkItemCreated.class);
        assertThat(events.getValue().get(1).eventType()).isEqualTo("WorkItemRouted");
        assertThat(transactions.transactions).isEqualTo(1);
    }

    /** The service with an 8/16-hour SLA policy for invoice holds; the timers port it plans with. */
    private SlaTimerPort withAnSlaPolicyForHolds() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SlaTimerPort timers = org.mockito.Mockito.mock(SlaTimerPort.class);
        SlaPolicy policy = new SlaPolicy(TENANT, "holds", 1, WorkItemType.INVOICE_HOLD, List.of(), "standard",
                new SlaTerms(Duration.ofHours(8), Duration.ofHours(16), 80), List.of(), null, true);
        when(timers.clockInputs(any(), any())).thenReturn(new SlaTimerPort.ClockInputs(List.of(policy), Map.of(), List.of(), List.of()));
        service = new WorkItemIngestionService(loadPort, savePort, eventsPort, transactions, TestScoring.builtin(clock), workforce,
                new SlaScheduler(org.mockito.Mockito.mock(SlaConfigPort.class), timers, loadPort, transactions, clock, "America/Chicago"), clock);
        return timers;
    }

    @Test
    void givenAnSlaPolicy_ingest_storesTheClockWithTheInsertedRow_andNeverWritesTheRowASecondTime() {
        SlaTimerPort timers = withAnSlaPolicyForHolds();
        WorkItemContent content = anInvoiceHold("HOLD-SLA");
        when(loadPort.loadBySource(TENANT, content.source())).thenReturn(Optional.empty());
        ArgumentCaptor<WorkItem> stored = ArgumentCaptor.forClass(WorkItem.class);
        when(savePort.insertIfSourceAbsent(stored.capture(), any())).thenReturn(true);

        service.ingest(TENANT, content, Actor.SYSTEM);

        assertThat(stored.getValue().sla().state()).isEqualTo("RUNNING");
        assertThat(stored.getValue().sla().deadlineAt()).isAfter(NOW);
        ArgumentCaptor<List<SlaTimerPort.Timer>> planned = listCaptor();
        verify(timers).addPending(planned.capture());
        assertThat(planned.getValue()).isNotEmpty().allSatisfy(t -> assertThat(t.workItemId()).isEqualTo(stored.getValue().id()));
        verify(timers, never()).replacePending(any(), any(), any());
        verify(timers, never()).updateItemSla(any(), any(), any(), any());
    }

    @Test
    void givenAnSlaPolicy_ingestBatch_writesTheBatchsEventsAndFirstTimersOnceEach_withNothingToReplace() {
        SlaTimerPort timers = withAnSlaPolicyForHolds();
        when(loadPort.loadBySources(eq(TENANT), any())).thenReturn(Map.of());
        ArgumentCaptor<List<WorkItem>> stored = listCaptor();
        when(savePort.insertAllIfSourceAbsent(stored.capture(), any())).thenReturn(new boolean[]{true, false, true});
        when(loadPort.loadBySource(eq(TENANT), any())).thenReturn(Optional.of(WorkItem.create(TENANT, anInvoiceHold("B"), Actor.SYSTEM, NOW)));

        service.ingestBatch(TENANT, List.of(anInvoiceHold("A"), anInvoiceHold("B"), anInvoiceHold("C")), Actor.SYSTEM);

        List<health.ordo.domain.workitem.WorkItemId> created = List.of(stored.getValue().get(0).id(), stored.getValue().get(2).id());
        ArgumentCaptor<List<health.ordo.domain.workitem.WorkItemEvent>> events = listCaptor();
        verify(eventsPort).append(events.capture());
        assertThat(events.getValue()).extracting(health.ordo.domain.workitem.WorkItemEvent::workItemId).containsOnlyElementsOf(created)
                .containsAll(created);
        ArgumentCaptor<List<SlaTimerPort.Timer>> planned = listCaptor();
        verify(timers).addPending(planned.capture());
        assertThat(planned.getValue()).extracting(SlaTimerPort.Timer::workItemId).containsOnlyElementsOf(created).containsAll(created);
        verify(timers, never()).replacePending(any(), any(), any());
    }

    @Test
    void givenMatchingRoutingRule_ingest_routesTheItemWithItsSkillsAndRecordsTheRule() {
        WorkItemContent content = anInvoiceHold("HOLD-7", "60000.00");
        when(loadPort.loadBySource(TENANT, content.source())).thenReturn(Optional.empty());
        when(savePort.insertIfSourceAbsent(any(), any())).thenReturn(true);
        when(workforce.rules(TENANT)).thenReturn(List.of(
                new RoutingRule(TENANT, "small", 2, List.of(new RoutingCondition("amount", "lt", "1000")), "ap-small", List.of(), 1),
                new RoutingRule(TENANT, "big-holds", 1, List.of(new RoutingCondition("type", "eq", "INVOICE_HOLD"),
                        new RoutingCondition("amount", "gte", "50000")), "ap-high-value",
                        List.of(new SkillRequirement("ap-senior", 3, null)), 2)));

        WorkItem item = ((IngestOutcome.Created) service.ingest(TENANT, content, Actor.SYSTEM)).item();

        assertThat(item.queue()).isEqualTo("ap-high-value");
        assertThat(item.skillRequirements()).extracting(SkillRequirement::skill).containsExactly("ap-senior");
        assertThat(item.size()).isEqualTo(2);
    }

    @Test
    void givenSameContentDeliveredAgain_ingest_returnsDuplicateAndStoresNothing() {
        WorkItemContent content = anInvoiceHold("HOLD-1");
        WorkItem known = WorkItem.create(TENANT, content, Actor.SYSTEM, NOW);
        when(loadPort.loadBySource(TENANT, content.source())).thenReturn(Optional.of(known));

        IngestOutcome outcome = service.ingest(TENANT, anInvoiceHold("HOLD-1"), Actor.SYSTEM);

        assertThat(outcome).isEqualTo(new IngestOutcome.Duplicate(known));
        verify(savePort, never()).insertIfSourceAbsent(any(), any());
        verify(eventsPort, never()).append(any());
    }

    @Test
    void givenChangedContentDeliveredAgain_ingest_returnsConflictAndStoresNothing() {
        WorkItem known = WorkItem.create(TENANT, anInvoiceHold("HOLD-1", "100.00"), Actor.SYSTEM, NOW);
        when(loadPort.loadBySource(eq(TENANT), any())).thenReturn(Optional.of(known));

        IngestOutcome outcome = service.ingest(TENANT, anInvoiceHold("HOLD-1", "999.00"), Actor.SYSTEM);

        assertThat(outcome).isEqualTo(new IngestOutcome.Conflict(known));
        verify(savePort, never()).insertIfSourceAbsent(any(), any());
    }

    @Test
    void givenConcurrentInsertOfSameRecord_ingest_reportsDuplicateOfTheWinner() {
        WorkItemContent content = anInvoiceHold("HOLD-1");
        WorkItem winner = WorkItem.create(TENANT, content, Actor.SYSTEM, NOW);
        when(loadPort.loadBySource(TENANT, content.source())).thenReturn(Optional.empty(), Optional.of(winner));
        when(savePort.insertIfSourceAbsent(any(), any())).thenReturn(false);

        IngestOutcome outcome = service.ingest(TENANT, content, Actor.SYSTEM);

        assertThat(outcome).isEqualTo(new IngestOutcome.Duplicate(winner));
        verify(eventsPort, never()).append(any());
    }

    @Test
    void givenBatch_ingestBatch_storesTheNewOnesTogetherInOneTransaction_andKeepsOrder() {
        WorkItemContent known = anInvoiceHold("B");
        WorkItem stored = WorkItem.create(TENANT, known, Actor.SYSTEM, NOW);
        WorkItemContent badQueue = new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("oracle-fusion", "C"),
                "Invoice on price hold", null, null, null, Attributes.of(Map.of()), "nowhere");
        when(loadPort.loadBySources(eq(TENANT), any())).thenReturn(Map.of(known.source(), stored));
        when(workforce.queue(TENANT, "nowhere")).thenReturn(Optional.empty());
        ArgumentCaptor<List<WorkItem>> together = listCaptor();
        when(savePort.insertAllIfSourceAbsent(together.capture(), any())).thenReturn(new boolean[]{true, true});

        List<IngestOutcome> outcomes = service.ingestBatch(TENANT, List.of(anInvoiceHold("A"), known, badQueue, anInvoiceHold("D")),
                Actor.SYSTEM);

        assertThat(outcomes.get(0)).isInstanceOf(IngestOutcome.Created.class);
        assertThat(outcomes.get(1)).isEqualTo(new IngestOutcome.Duplicate(stored));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> assertThat(r.field()).isEqualTo("queue"));
        assertThat(outcomes.get(3)).isInstanceOf(IngestOutcome.Created.class);
        assertThat(together.getValue()).extracting(w -> w.content().source().externalId()).containsExactly("A", "D");
        assertThat(together.getValue()).allSatisfy(w -> assertThat(w.priorityScore().value()).isPositive());
        assertThat(transactions.transactions).as("one unit of work for the batch").isEqualTo(1);
        verify(eventsPort, org.mockito.Mockito.times(1)).append(any());
        verify(loadPort, never()).loadBySource(any(), any());
        verify(savePort, never()).insertIfSourceAbsent(any(), any());
    }

    @Test
    void givenAnotherNodeStoredOneOfTheBatchFirst_ingestBatch_reportsItAsItsDuplicate() {
        WorkItemContent raced = anInvoiceHold("R");
        WorkItem winner = WorkItem.create(TENANT, raced, Actor.SYSTEM, NOW);
        when(loadPort.loadBySources(eq(TENANT), any())).thenReturn(Map.of());
        when(savePort.insertAllIfSourceAbsent(any(), any())).thenReturn(new boolean[]{true, false});
        when(loadPort.loadBySource(TENANT, raced.source())).thenReturn(Optional.of(winner));

        List<IngestOutcome> outcomes = service.ingestBatch(TENANT, List.of(anInvoiceHold("Q"), raced), Actor.SYSTEM);

        assertThat(outcomes.get(0)).isInstanceOf(IngestOutcome.Created.class);
        assertThat(outcomes.get(1)).isEqualTo(new IngestOutcome.Duplicate(winner));
        verify(eventsPort, org.mockito.Mockito.times(1)).append(any());
    }

    @Test
    void givenTheBatchsUnitFails_ingestBatch_ingestsEachItemOnItsOwn_soNoneIsDroppedForAnother() {
        when(loadPort.loadBySources(eq(TENANT), any())).thenReturn(Map.of());
        when(savePort.insertAllIfSourceAbsent(any(), any())).thenThrow(new IllegalStateException("duplicate key in work_item_history"));
        when(loadPort.loadBySource(eq(TENANT), any())).thenReturn(Optional.empty());
        when(savePort.insertIfSourceAbsent(any(), any())).thenReturn(true);

        List<IngestOutcome> outcomes = service.ingestBatch(TENANT,
                List.of(anInvoiceHold("A"), anInvoiceHold("B"), anInvoiceHold("C")), Actor.SYSTEM);

        assertThat(outcomes).extracting(o -> ((IngestOutcome.Created) o).item().content().source().externalId())
                .containsExactly("A", "B", "C");
        assertThat(transactions.transactions).as("the failed batch, then one per item").isEqualTo(4);
    }

    @Test
    void givenTheSameSourceTwiceInABatch_ingestBatch_takesThemOneByOne_theSecondADuplicateOfTheFirst() {
        WorkItemContent twice = anInvoiceHold("T");
        when(loadPort.loadBySource(TENANT, twice.source())).thenReturn(Optional.empty());
        ArgumentCaptor<WorkItem> stored = ArgumentCaptor.forClass(WorkItem.class);
        when(savePort.insertIfSourceAbsent(stored.capture(), any())).thenReturn(true);

        List<IngestOutcome> first = service.ingestBatch(TENANT, List.of(twice, twice), Actor.SYSTEM);

        assertThat(first).hasSize(2);
        assertThat(transactions.transactions).isEqualTo(2);
        verify(savePort, never()).insertAllIfSourceAbsent(any(), any());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ArgumentCaptor<List<T>> listCaptor() {
        return (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
    }

    @Test
    void givenOversizeBatch_ingestBatch_isRefusedBeforeAnyWrite() {
        List<WorkItemContent> tooMany = Collections.nCopies(1001, anInvoiceHold("A"));

        assertThatThrownBy(() -> service.ingestBatch(TENANT, tooMany, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("items"));
        verify(savePort, never()).insertIfSourceAbsent(any(), any());
    }
}
