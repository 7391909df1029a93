package health.ordo.application.service.intake;

import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A week whose classified types and confidence moved far from the week before raises one operations alert; a steady one none. */
class IntakeModelServiceDriftTest {

    private static final TenantId TENANT = TenantId.of("north");
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final IntakeModelPort registry = mock(IntakeModelPort.class);
    private final IngestWorkItemUseCase ingest = mock(IngestWorkItemUseCase.class);
    private final IntakeModelService service = new IntakeModelService(registry, null, null, null, null, null, null, ingest,
            new DirectTransactions(), null, null, Clock.fixed(NOW, ZoneOffset.UTC));

    private void weeks(Map<String, Long> lastWeekTypes, Map<String, Long> thisWeekTypes, Map<String, Long> lastWeekConfidence,
                       Map<String, Long> thisWeekConfidence) {
        Instant weekAgo = NOW.minusSeconds(7 * 86400);
        Instant twoWeeksAgo = NOW.minusSeconds(14 * 86400);
        when(registry.typeMix(TENANT, weekAgo, NOW)).thenReturn(thisWeekTypes);
        when(registry.typeMix(TENANT, twoWeeksAgo, weekAgo)).thenReturn(lastWeekTypes);
        when(registry.confidenceBins(TENANT, weekAgo, NOW)).thenReturn(thisWeekConfidence);
        when(registry.confidenceBins(TENANT, twoWeeksAgo, weekAgo)).thenReturn(lastWeekConfidence);
        when(registry.acceptance(TENANT, weekAgo, NOW)).thenReturn(new long[] {40, 4});
    }

    @Test
    void aShiftedTypeMix_raisesOneDriftAlertForTheWeek() {
        weeks(Map.of("DENIAL_LETTER", 30L, "SUPPLIER_INVOICE", 30L), Map.of("DENIAL_LETTER", 5L, "OTHER", 55L),
                Map.of("9", 60L), Map.of("9", 60L));
        when(ingest.ingest(eq(TENANT), any(), any(), any())).thenReturn(new IngestOutcome.Rejected("x", "not needed"));

        IntakeModelsUseCase.Monitoring monitoring = service.checkDrift(TENANT);

        assertThat(monitoring.drifted()).isTrue();
        assertThat(monitoring.typeMixPsi()).isGreaterThan(0.25);
        assertThat(monitoring.acceptanceRate()).isEqualTo(0.9);
        ArgumentCaptor<WorkItemContent> alert = ArgumentCaptor.forClass(WorkItemContent.class);
        verify(ingest).ingest(eq(TENANT), alert.capture(), any(), any());
        assertThat(alert.getValue().type()).isEqualTo(WorkItemType.OPERATIONS_ALERT);
        assertThat(alert.getValue().source().system()).isEqualTo("ordo-intake-drift");
        assertThat(alert.getValue().source().externalId()).isEqualTo("2026-W49");
        assertThat(alert.getValue().attributes().text("alert")).isEqualTo(IntakeModelService.DRIFT_ALERT);
    }

    @Test
    void aSteadyWeek_raisesNothing() {
        weeks(Map.of("DENIAL_LETTER", 30L, "SUPPLIER_INVOICE", 30L), Map.of("DENIAL_LETTER", 28L, "SUPPLIER_INVOICE", 32L),
                Map.of("8", 20L, "9", 40L), Map.of("8", 22L, "9", 38L));

        IntakeModelsUseCase.Monitoring monitoring = service.checkDrift(TENANT);

        assertThat(monitoring.drifted()).isFalse();
        verify(ingest, never()).ingest(any(), any(), any(), any());
    }

    @Test
    void tooFewClassifications_areNeverCalledDrift() {
        weeks(Map.of("DENIAL_LETTER", 5L), Map.of("OTHER", 5L), Map.of("9", 5L), Map.of("2", 5L));

        assertThat(service.checkDrift(TENANT).drifted()).isFalse();
        verify(ingest, never()).ingest(any(), any(), any(), any());
    }
}
