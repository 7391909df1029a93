package health.ordo.application.service.writeback;

import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.writeback.WriteBackOutboxPort;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemId;
import health.ordo.domain.workitem.WorkItemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class WriteBackServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Mock
    WriteBackOutboxPort outbox;
    @Mock
    WriteBackTargetPort claims;
    private WriteBackService service;

    @BeforeEach
    void setUp() {
        service = new WriteBackService(outbox, new DirectTransactions(), List.of(claims), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(30), Duration.ofHours(1), 10);
        org.mockito.Mockito.lenient().when(outbox.tenantsWithDue(NOW)).thenReturn(List.of(TENANT));
    }

    private static WorkItem completed(String system) {
        return completed(system, Provenance.inbound("inbound-folder"));
    }

    private static WorkItem completed(String system, Provenance provenance) {
        WorkItem item = WorkItem.create(TENANT, new WorkItemContent(WorkItemType.CLAIM_DENIAL, new SourceReference(system, "87726:CLM-1"),
                "Denied claim", Money.of("1200.00", "USD"), null, null, Attributes.NONE, null), provenance, Actor.SYSTEM, NOW);
        item.claim(Actor.user("alice@demo"), NOW, false);
        item.start(Actor.user("alice@demo"), NOW);
        item.complete("APPEALED", Actor.user("alice@demo"), NOW);
        return item;
    }

    private static WriteBack pending(int attempts) {
        return new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "x12-835", "87726:CLM-1", "APPEALED",
                null, "key-1", WriteBack.Status.PENDING, attempts, NOW, null, NOW, null, null);
    }

    @Test
    void completedItemFromASourceTheDeploymentHandles_queuesItsResolutionWithAStableKey() {
        when(claims.handlesFromDeployment(any(), eq("x12-835"), any())).thenReturn(true);
        WorkItem item = completed("x12-835");

        service.plan(item, NOW);

        ArgumentCaptor<WriteBack> queued = ArgumentCaptor.forClass(WriteBack.class);
        verify(outbox).enqueue(queued.capture());
        assertThat(queued.getValue().resolution()).isEqualTo("APPEALED");
        assertThat(queued.getValue().idempotencyKey()).isEqualTo(item.id().value() + ":APPEALED");
        assertThat(queued.getValue().externalId()).isEqualTo("87726:CLM-1");
        assertThat(queued.getValue().status()).isEqualTo(WriteBack.Status.PENDING);
        verify(outbox, never()).enqueueIfConnector(any());
    }

    @Test
    void itemFromASourceNoDeploymentTargetHandles_isQueuedOnlyOnTheConditionOfAStoredConnector_withoutReadingConnectors() {
        when(claims.handlesFromDeployment(any(), eq("oracle-fusion"), any())).thenReturn(false);

        service.plan(completed("oracle-fusion"), NOW);

        ArgumentCaptor<WriteBack> queued = ArgumentCaptor.forClass(WriteBack.class);
        verify(outbox).enqueueIfConnector(queued.capture());
        assertThat(queued.getValue().sourceSystem()).isEqualTo("oracle-fusion");
        verify(outbox, never()).enqueue(any());
        verify(claims, never()).handles(any(), any(), any());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x12-835", "oracle-fusion"})
    void itemCreatedThroughTheApi_isNeverWrittenBack_whateverSourceSystemItClaims(String system) {
        lenient().when(claims.handlesFromDeployment(any(), any(), any())).thenReturn(true);

        service.plan(completed(system, Provenance.api("alice@demo")), NOW);
        service.plan(completed(system, Provenance.seed()), NOW);

        org.mockito.Mockito.verifyNoInteractions(outbox);
    }

    @Test
    void itemAConnectorBroughtIn_isWrittenBack_throughThatConnector() {
        when(claims.handlesFromDeployment(any(), eq("oracle-fusion"), eq("oracle-ap"))).thenReturn(false);

        service.plan(completed("oracle-fusion", Provenance.connector("oracle-ap")), NOW);

        ArgumentCaptor<WriteBack> queued = ArgumentCaptor.forClass(WriteBack.class);
        verify(outbox).enqueueIfConnector(queued.capture());
        assertThat(queued.getValue().viaConnector()).isEqualTo("oracle-ap");
    }

    @Test
    void aSourceSystemBothAConnectorAndTheDeploymentServe_isWrittenBackByProvenance_notByTheOrderOfTheTargets() {
        WriteBackTargetPort connectors = org.mockito.Mockito.mock(WriteBackTargetPort.class);
        when(connectors.throughConnectors()).thenReturn(true);
        when(connectors.handles(any(), eq("fhir-claimresponse"), any())).thenReturn(true);
        when(claims.handles(any(), eq("fhir-claimresponse"), org.mockito.ArgumentMatchers.isNull())).thenReturn(true);
        WriteBackTargetPort.Delivery applied = new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.APPLIED, "ok");
        when(connectors.deliver(any())).thenReturn(applied);
        when(claims.deliver(any())).thenReturn(applied);
        // the connectors' target comes first, as a bean order may put it
        WriteBackService ordered = new WriteBackService(outbox, new DirectTransactions(), List.of(connectors, claims),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), Duration.ofHours(1), 10);
        WriteBack uploaded = new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "fhir-claimresponse", "CR-1",
                "APPEALED", null, "key-u", WriteBack.Status.PENDING, 0, NOW, null, NOW, null, null);
        WriteBack fromPayer = new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "fhir-claimresponse", "CR-2",
                "APPEALED", null, "key-c", WriteBack.Status.PENDING, 0, NOW, null, NOW.plusSeconds(1), null, "payer-a");
        when(outbox.leaseDue(eq(TENANT), eq(NOW), any(), anyInt())).thenReturn(List.of(uploaded, fromPayer));

        ordered.dispatchDue(10);

        verify(claims).deliver(uploaded);
        verify(connectors, never()).deliver(uploaded);
        verify(connectors).deliver(fromPayer);
        verify(claims, never()).deliver(fromPayer);
    }

    @Test
    void itemNotCompleted_queuesNothing() {
        WorkItem item = completed("x12-835");
        WorkItem open = WorkItem.create(TENANT, item.content(), Actor.SYSTEM, NOW);

        service.plan(open, NOW);

        org.mockito.Mockito.verifyNoInteractions(outbox);
    }

    @Test
    void failedDelivery_isRetriedWithBackoffAndJitter_andHoldsBackLaterOnesOfTheSameSourceSoTheyReplayInOrder() {
        WriteBack failing = pending(2);
        WriteBack later = new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "x12-835", "87726:CLM-2",
                "APPEALED", null, "key-2", WriteBack.Status.PENDING, 0, NOW, null, NOW.plusSeconds(1), null, null);
        when(outbox.leaseDue(eq(TENANT), eq(NOW), any(), anyInt())).thenReturn(List.of(failing, later));
        when(claims.handles(any(), eq("x12-835"), any())).thenReturn(true);
        when(claims.deliver(failing)).thenReturn(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.FAILED, "503"));

        int attempted = service.dispatchDue(10);

        assertThat(attempted).isEqualTo(2);
        ArgumentCaptor<Instant> next = ArgumentCaptor.forClass(Instant.class);
        verify(outbox).markRetry(eq(TENANT), eq(failing.id()), eq(3), next.capture(), eq("503"));
        assertThat(next.getValue()).isBetween(NOW.plusSeconds(120), NOW.plusSeconds(132));
        verify(outbox).deferLater(TENANT, "x12-835", failing.createdAt(), next.getValue());
        verify(claims, never()).deliver(later);
        verify(outbox).markRetry(eq(TENANT), eq(later.id()), eq(0), eq(next.getValue()), org.mockito.ArgumentMatchers.contains("held back"));
    }

    @Test
    void aDeliveryRefusedForTheLastAllowedTime_isSetAsideAsFailed_andHoldsNothingBack() {
        WriteBack refused = pending(30);
        WriteBack later = new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "x12-835", "87726:CLM-2",
                "APPEALED", null, "key-2", WriteBack.Status.PENDING, 0, NOW, null, NOW.plusSeconds(1), null, null);
        when(outbox.leaseDue(eq(TENANT), eq(NOW), any(), anyInt())).thenReturn(List.of(refused, later));
        when(claims.handles(any(), eq("x12-835"), any())).thenReturn(true);
        when(claims.deliver(refused)).thenReturn(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.REFUSED, "400 locked"));
        when(claims.deliver(later)).thenReturn(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.APPLIED, "ok"));
        when(outbox.markRefused(eq(TENANT), eq(refused.id()), eq(31), any(), eq("400 locked"), eq(10))).thenReturn(true);

        service.dispatchDue(10);

        verify(outbox, never()).deferLater(any(), any(), any(), any());
        verify(outbox).markApplied(TENANT, later.id(), NOW, "ok");
    }

    @Test
    void anOutage_isRetriedForAsLongAsItLasts_neverSetAside() {
        WriteBack unreachable = pending(40);
        when(outbox.leaseDue(eq(TENANT), eq(NOW), any(), anyInt())).thenReturn(List.of(unreachable));
        when(claims.handles(any(), eq("x12-835"), any())).thenReturn(true);
        when(claims.deliver(unreachable)).thenReturn(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.FAILED, "503"));

        service.dispatchDue(10);

        verify(outbox, never()).markRefused(any(), any(), anyInt(), any(), any(), anyInt());
        verify(outbox).markRetry(eq(TENANT), eq(unreachable.id()), eq(41), any(), eq("503"));
    }

    @Test
    void retry_requeuesAFailedWriteBack_andRefusesAnAppliedOne() {
        WriteBack failed = new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "x12-835", "87726:CLM-3",
                "APPEALED", null, "key-3", WriteBack.Status.FAILED, 10, NOW, "400 locked", NOW, null, null);
        WriteBack applied = new WriteBack(UUID.randomUUID(), TENANT, new WorkItemId(UUID.randomUUID()), "x12-835", "87726:CLM-4",
                "APPEALED", null, "key-4", WriteBack.Status.APPLIED, 1, NOW, null, NOW, NOW, null);
        when(outbox.lock(TENANT, failed.id())).thenReturn(java.util.Optional.of(failed));
        when(outbox.lock(TENANT, applied.id())).thenReturn(java.util.Optional.of(applied));

        service.retry(TENANT, failed.id());

        verify(outbox).requeue(TENANT, failed.id(), NOW);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.retry(TENANT, applied.id()))
                .isInstanceOf(health.ordo.domain.workitem.NotAllowedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.retry(TENANT, UUID.randomUUID()))
                .isInstanceOf(health.ordo.application.port.in.writeback.WriteBackNotFoundException.class);
    }

    @Test
    void appliedDelivery_isMarkedApplied() {
        WriteBack working = pending(0);
        when(outbox.leaseDue(eq(TENANT), eq(NOW), any(), anyInt())).thenReturn(List.of(working));
        when(claims.handles(any(), eq("x12-835"), any())).thenReturn(true);
        when(claims.deliver(working)).thenReturn(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.APPLIED, "ok"));

        service.dispatchDue(10);

        verify(outbox).markApplied(TENANT, working.id(), NOW, "ok");
    }

    @Test
    void unconfiguredTarget_keepsTheWriteBackQueued() {
        WriteBack queued = pending(0);
        when(outbox.leaseDue(eq(TENANT), eq(NOW), any(), anyInt())).thenReturn(List.of(queued));
        when(claims.handles(any(), eq("x12-835"), any())).thenReturn(true);
        when(claims.deliver(queued)).thenReturn(new WriteBackTargetPort.Delivery(WriteBackTargetPort.Delivery.Status.NOT_CONFIGURED, "no endpoint"));

        service.dispatchDue(10);

        verify(outbox).markRetry(eq(TENANT), eq(queued.id()), eq(1), org.mockito.ArgumentMatchers.argThat(t -> !t.isBefore(NOW.plusSeconds(30))
                && !t.isAfter(NOW.plusSeconds(33))), eq("no endpoint"));
        verify(outbox, never()).markApplied(any(), any(), any(), any());
    }

    @Test
    void backoff_doublesUpToTheCap() {
        assertThat(service.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(service.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(service.backoff(30)).isEqualTo(Duration.ofHours(1));
    }
}
