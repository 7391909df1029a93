package health.ordo.application.service.intake;

import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.in.tenant.ManageTenantsUseCase.TenantSummary;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IntakeMonitoringRoundTest {

    private final IntakeModelsUseCase models = mock(IntakeModelsUseCase.class);
    private final TenantDirectoryPort tenants = mock(TenantDirectoryPort.class);
    private final TransactionPort transactions = mock(TransactionPort.class);
    private final IntakeMonitoringRound round = new IntakeMonitoringRound(models, tenants, transactions);

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
