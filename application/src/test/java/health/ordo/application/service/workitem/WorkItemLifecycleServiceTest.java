package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.WorkItemNotFoundException;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.port.out.sla.SlaTimerPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.sla.SlaScheduler;
import health.ordo.application.support.DirectTransactions;
import health.ordo.application.support.TestScoring;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.NotAllowedException;
import health.ordo.domain.routing.Worker;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.domain.workitem.IllegalTransitionException;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static health.ordo.application.support.TestContent.anInvoiceHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class WorkItemLifecycleServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Actor ALICE = Actor.user("alice@demo");

    @Mock
    LoadWorkItemPort loadPort;
    @Mock
    SaveWorkItemPort savePort;
    @Mock
    AppendEventsPort eventsPort;
    private WorkItemLifecycleService service;

    @BeforeEach
    void setUp() {
        service = new WorkItemLifecycleService(new WorkItemUpdater(loadPort, savePort, eventsPort, new DirectTransactions(),
                TestScoring.builtin(Clock.fixed(NOW, ZoneOffset.UTC)), null, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private WorkItem storedReadyItem() {
        WorkItem item = WorkItem.create(TENANT, anInvoiceHold("HOLD-9"), Actor.SYSTEM, NOW.minusSeconds(3600));
        item.pullChanges();
        when(loadPort.loadForUpdate(TENANT, item.id())).thenReturn(Optional.of(item));
        return item;
    }

    @Test
    void givenReadyItem_claim_savesClaimedItemWithHistoryAndEvent() {
        WorkItem item = storedReadyItem();

        WorkItem claimed = service.apply(TENANT, item.id(), LifecycleAction.CLAIM, null, ALICE);

        assertThat(claimed.status()).isEqualTo(WorkItemStatus.CLAIMED);
        assertThat(claimed.assignee()).isEqualTo("alice@demo");
        ArgumentCaptor<WorkItem.Changes> changes = ArgumentCaptor.forClass(WorkItem.Changes.class);
        verify(savePort).update(any(), changes.capture());
        assertThat(changes.getValue().history()).singleElement()
                .satisfies(h -> assertThat(h.action()).isEqualTo("claim"));
        verify(eventsPort).append(changes.getValue().events());
    }

    @Test
    void givenReadyItem_complete_isRefusedAndNothingIsSaved() {
        WorkItem item = storedReadyItem();

        assertThatThrownBy(() -> service.apply(TENANT, item.id(), LifecycleAction.COMPLETE, "PAID", ALICE))
                .isInstanceOf(IllegalTransitionException.class);
        verify(savePort, never()).update(any(), any());
        verify(eventsPort, never()).append(any());
    }

    @Test
    void givenUnknownId_apply_throwsNotFound() {
        WorkItemId unknown = WorkItemId.newId();
        when(loadPort.loadForUpdate(TENANT, unknown)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.apply(TENANT, unknown, LifecycleAction.CLAIM, null, ALICE))
                .isInstanceOf(WorkItemNotFoundException.class);
    }

    @Test
    void givenInProgressItem_cancel_scoresItZero() {
        WorkItem item = storedReadyItem();
        item.claim(ALICE, NOW, false);
        item.start(ALICE, NOW);

        WorkItem cancelled = service.apply(TENANT, item.id(), LifecycleAction.CANCEL, "duplicate invoice", ALICE);

        assertThat(cancelled.status()).isEqualTo(WorkItemStatus.CANCELLED);
        assertThat(cancelled.priorityScore().value()).isZero();
        assertThat(cancelled.statusReason()).isEqualTo("duplicate invoice");
    }

    @Test
    void changeThatMovesTheClock_readsItsClockInputsWithTheLock_andNotAgain_whileOneThatDoesNot_locksOnly() {
        SlaConfigPort slaConfig = org.mockito.Mockito.mock(SlaConfigPort.class);
        SlaTimerPort timers = org.mockito.Mockito.mock(SlaTimerPort.class);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        WorkItemLifecycleService withSla = new WorkItemLifecycleService(new WorkItemUpdater(loadPort, savePort, eventsPort,
                new DirectTransactions(), TestScoring.builtin(clock), new SlaScheduler(slaConfig, timers, loadPort, new DirectTransactions(),
                clock, "UTC"), clock));
        WorkItem item = storedReadyItem();
        withSla.apply(TENANT, item.id(), LifecycleAction.CLAIM, null, ALICE);
        withSla.apply(TENANT, item.id(), LifecycleAction.START, null, ALICE);
        when(loadPort.loadForUpdateWithClock(TENANT, item.id())).thenReturn(Optional.of(new LoadWorkItemPort.LockedForClock(item,
                new SlaTimerPort.ClockInputs(java.util.List.of(), java.util.Map.of(), java.util.List.of(), java.util.List.of()))));

        WorkItem completed = withSla.apply(TENANT, item.id(), LifecycleAction.COMPLETE, "PAID", ALICE);

        assertThat(completed.status()).isEqualTo(WorkItemStatus.COMPLETED);
        verify(loadPort, org.mockito.Mockito.times(2)).loadForUpdate(TENANT, item.id());
        verify(loadPort).loadForUpdateWithClock(TENANT, item.id());
        verify(timers, never()).clockInputs(any(), any());
    }

    @Test
    void aWorkerWhoDoesNotServeTheItemsQueue_mayNotClaimIt_whileOneWhoDoes_andASupervisor_may() {
        WorkforcePort workforce = org.mockito.Mockito.mock(WorkforcePort.class);
        WorkItemLifecycleService guarded = new WorkItemLifecycleService(new WorkItemUpdater(loadPort, savePort, eventsPort,
                new DirectTransactions(), TestScoring.builtin(Clock.fixed(NOW, ZoneOffset.UTC)), null, Clock.fixed(NOW, ZoneOffset.UTC)),
                null, null, workforce);
        WorkItem item = storedReadyItem();
        when(workforce.worker(TENANT, "alice@demo")).thenReturn(Optional.of(new Worker(TENANT, "alice@demo", null, null,
                java.util.List.of("denials"), java.util.Map.of(), 10, true)));
        when(workforce.worker(TENANT, "bob@demo")).thenReturn(Optional.of(new Worker(TENANT, "bob@demo", null, null,
                java.util.List.of(item.queue()), java.util.Map.of(), 10, true)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> guarded.apply(TENANT, item.id(), LifecycleAction.CLAIM, null, ALICE))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.rule()).isEqualTo("QUEUE_NOT_ELIGIBLE"));
        assertThat(guarded.apply(TENANT, item.id(), LifecycleAction.CLAIM, null, Actor.user("bob@demo")).assignee()).isEqualTo("bob@demo");
    }

    @Test
    void aSupervisor_mayClaimAnyQueuesItem_withoutAWorkerProfile() {
        WorkforcePort workforce = org.mockito.Mockito.mock(WorkforcePort.class);
        WorkItemLifecycleService guarded = new WorkItemLifecycleService(new WorkItemUpdater(loadPort, savePort, eventsPort,
                new DirectTransactions(), TestScoring.builtin(Clock.fixed(NOW, ZoneOffset.UTC)), null, Clock.fixed(NOW, ZoneOffset.UTC)),
                null, null, workforce);
        WorkItem item = storedReadyItem();

        assertThat(guarded.apply(TENANT, item.id(), LifecycleAction.CLAIM, null, Actor.supervisor("sam@demo")).status())
                .isEqualTo(WorkItemStatus.CLAIMED);
        org.mockito.Mockito.verifyNoInteractions(workforce);
    }

    @Test
    void aWorker_mayClaimAnItemTheyCreatedThemselves_outsideTheirQueues() {
        WorkforcePort workforce = org.mockito.Mockito.mock(WorkforcePort.class);
        WorkItemLifecycleService guarded = new WorkItemLifecycleService(new WorkItemUpdater(loadPort, savePort, eventsPort,
                new DirectTransactions(), TestScoring.builtin(Clock.fixed(NOW, ZoneOffset.UTC)), null, Clock.fixed(NOW, ZoneOffset.UTC)),
                null, null, workforce);
        WorkItem own = WorkItem.create(TENANT, anInvoiceHold("HOLD-OWN"), ALICE, NOW.minusSeconds(60));
        own.pullChanges();
        when(loadPort.loadForUpdate(TENANT, own.id())).thenReturn(Optional.of(own));
        lenient().when(workforce.worker(TENANT, "alice@demo")).thenReturn(Optional.of(new Worker(TENANT, "alice@demo", null, null,
                java.util.List.of("denials"), java.util.Map.of(), 10, true)));

        assertThat(guarded.apply(TENANT, own.id(), LifecycleAction.CLAIM, null, ALICE).assignee()).isEqualTo("alice@demo");
    }
}
