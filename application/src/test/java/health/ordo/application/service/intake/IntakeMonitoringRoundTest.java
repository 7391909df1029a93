package health.ordo.application.service.intake;

import health.ordo.application.port.in.approval.ApprovalRequiredException;
import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.domain.approval.ApprovalRequest;
import health.ordo.domain.intake.IntakeModel;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase.TenantSummary;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IntakeMonitoringRoundTest {

    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

    private final IntakeModelsUseCase models = mock(IntakeModelsUseCase.class);
    private final TenantDirectoryPort tenants = mock(TenantDirectoryPort.class);
    private final TransactionPort transactions = mock(TransactionPort.class);
    private final IntakeModelPort registry = mock(IntakeModelPort.class);
    private final IntakeMonitoringRound round = new IntakeMonitoringRound(models, tenants, transactions, registry,
            Clock.fixed(NOW, ZoneOffset.UTC), 25);

    @SuppressWarnings("unchecked")
    private void labelled(TenantId... ids) {
        when(transactions.readAcrossTenants(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
        when(transactions.inTransaction(any(), any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(1)).get());
        when(registry.tenantsWithNewLabels(25)).thenReturn(List.of(ids));
    }

    private static IntakeModel candidate(TenantId tenant, int version) {
        IntakeModel model = mock(IntakeModel.class);
        when(model.version()).thenReturn(version);
        return model;
    }

    @Test
    void aTenantWithEnoughNewLabels_getsACandidate_whoseActivationIsAskedFor_andTheLeaseIsGivenBack() {
        TenantId north = TenantId.of("north");
        labelled(north);
        when(registry.leaseRetraining(north, NOW, NOW.plus(IntakeMonitoringRound.LEASE))).thenReturn(true);
        IntakeModel v4 = candidate(north, 4);
        when(models.train(north, IntakeMonitoringRound.RETRAINING)).thenReturn(v4);
        ApprovalRequest request = mock(ApprovalRequest.class);
        ApprovalRequiredException asked = new ApprovalRequiredException(request);
        when(models.activate(north, 4, IntakeMonitoringRound.RETRAINING)).thenThrow(asked);

        assertThat(round.retrainWhereLabelled()).isEqualTo(1);

        verify(models).activate(north, 4, IntakeMonitoringRound.RETRAINING);
        verify(registry).releaseRetraining(north);
    }

    @Test
    void aTenantAnotherNodeIsTraining_isLeftToIt_andAFailedTrainingDoesNotStopTheRound() {
        TenantId busy = TenantId.of("busy");
        TenantId broken = TenantId.of("broken");
        TenantId ready = TenantId.of("ready");
        labelled(busy, broken, ready);
        when(registry.leaseRetraining(any(), any(), any())).thenAnswer(call -> !busy.equals(call.getArgument(0)));
        when(models.train(broken, IntakeMonitoringRound.RETRAINING)).thenThrow(new IllegalStateException("corpus unreadable"));
        IntakeModel v2 = candidate(ready, 2);
        when(models.train(ready, IntakeMonitoringRound.RETRAINING)).thenReturn(v2);

        assertThatThrownBy(round::retrainWhereLabelled).hasMessageContaining("corpus unreadable");

        verify(models, never()).train(busy, IntakeMonitoringRound.RETRAINING);
        verify(models).activate(ready, 2, IntakeMonitoringRound.RETRAINING);
        verify(registry).releaseRetraining(broken);
        verify(registry, never()).releaseRetraining(busy);
    }

    @SuppressWarnings("unchecked")
    private void tenants(String... ids) {
        when(transactions.readAcrossTenants(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
        when(tenants.tenants()).thenReturn(java.util.Arrays.stream(ids).map(id -> new TenantSummary(id, id, Instant.EPOCH)).toList());
    }

    private static IntakeModelsUseCase.Monitoring monitoring(boolean drifted) {
        IntakeModelsUseCase.Monitoring monitoring = mock(IntakeModelsUseCase.Monitoring.class);
        when(monitoring.drifted()).thenReturn(drifted);
        return monitoring;
    }

    @Test
    void everyTenantIsChecked_andTheDriftingOnesCounted() {
        tenants("north", "south", "east");
        IntakeModelsUseCase.Monitoring drifting = monitoring(true);
        IntakeModelsUseCase.Monitoring steady = monitoring(false);
        when(models.checkDrift(TenantId.of("north"))).thenReturn(drifting);
        when(models.checkDrift(TenantId.of("south"))).thenReturn(steady);
        when(models.checkDrift(TenantId.of("east"))).thenReturn(drifting);

        assertThat(round.checkAllTenants()).isEqualTo(2);
    }

    @Test
    void aTenantWhoseCheckFails_doesNotStopTheRound_butTheRoundSaysSo() {
        tenants("north", "south");
        when(models.checkDrift(TenantId.of("north"))).thenThrow(new IllegalStateException("registry unreachable"));
        IntakeModelsUseCase.Monitoring drifting = monitoring(true);
        when(models.checkDrift(TenantId.of("south"))).thenReturn(drifting);

        assertThatThrownBy(round::checkAllTenants).hasMessageContaining("registry unreachable");
        verify(models).checkDrift(TenantId.of("south"));
    }

    @Test
    void noTenants_nothingToCheck() {
        tenants();

        assertThat(round.checkAllTenants()).isZero();
        verify(models, never()).checkDrift(any());
    }
}
