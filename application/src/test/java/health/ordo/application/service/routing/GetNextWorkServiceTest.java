package health.ordo.application.service.routing;

import health.ordo.application.port.in.routing.NotAWorkerException;
import health.ordo.application.port.out.routing.ClaimNextWorkPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.workitem.WorkItemUpdater;
import health.ordo.application.support.DirectTransactions;
import health.ordo.application.support.TestScoring;
import health.ordo.domain.routing.Worker;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static health.ordo.application.support.TestContent.anInvoiceHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class GetNextWorkServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Actor ALICE = Actor.user("alice@demo");

    @Mock
    WorkforcePort workforce;
    @Mock
    ClaimNextWorkPort claims;
    @Mock
    SaveWorkItemPort savePort;
    @Mock
    AppendEventsPort eventsPort;
    private GetNextWorkService service;

    @BeforeEach
    void setUp() {
        service = new GetNextWorkService(workforce, claims, new WorkItemUpdater(null, savePort, eventsPort,
                new DirectTransactions(), TestScoring.builtin(CLOCK), null, CLOCK), new DirectTransactions(), CLOCK);
    }

    private static Worker alice(int capacity, boolean available) {
        return new Worker(TENANT, "alice@demo", "rev-cycle", "main", List.of("denials", "appeals"),
                Map.of("appeals", 3), capacity, available);
    }

    @Test
    void givenItemInASecondQueue_next_claimsItForTheWorkerAndStoresTheClaim() {
        when(workforce.lockWorkerForClaim(TENANT, "alice@demo")).thenReturn(Optional.of(
                new WorkforcePort.ClaimingWorker(alice(10, true), 4, Map.of("denials", 3, "appeals", 1))));
        WorkItem ready = WorkItem.create(TENANT, anInvoiceHold("H-1"), Actor.SYSTEM, NOW);
        ready.pullChanges();
        when(claims.lockNextReady(eq(TENANT), anyString(), eq(6), eq(Map.of("appeals", 3))))
                .thenAnswer(call -> call.getArgument(1).equals("appeals") ? Optional.of(ready) : Optional.empty());

        Optional<WorkItem> claimed = service.next(TENANT, ALICE);

        assertThat(claimed).hasValueSatisfying(item -> {
            assertThat(item.status()).isEqualTo(WorkItemStatus.CLAIMED);
            assertThat(item.assignee()).isEqualTo("alice@demo");
            assertThat(item.claimedAt()).isEqualTo(NOW);
        });
        verify(savePort).update(eq(ready), any());
    }

    @Test
    void givenFullCapacity_next_isEmptyWithoutProbingQueues() {
        when(workforce.lockWorkerForClaim(TENANT, "alice@demo")).thenReturn(Optional.of(
                new WorkforcePort.ClaimingWorker(alice(5, true), 5, Map.of("denials", 1))));

        assertThat(service.next(TENANT, ALICE)).isEmpty();
        verify(claims, never()).lockNextReady(any(), any(), anyInt(), any());
    }

    @Test
    void givenUnavailableWorker_next_isEmpty() {
        when(workforce.lockWorkerForClaim(TENANT, "alice@demo")).thenReturn(Optional.of(
                new WorkforcePort.ClaimingWorker(alice(5, false), 0, Map.of("denials", 1))));

        assertThat(service.next(TENANT, ALICE)).isEmpty();
        verify(claims, never()).lockNextReady(any(), any(), anyInt(), any());
    }

    @Test
    void givenNoWorkerProfile_next_saysSo() {
        when(workforce.lockWorkerForClaim(TENANT, "alice@demo")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.next(TENANT, ALICE)).isInstanceOf(NotAWorkerException.class);
    }
}
