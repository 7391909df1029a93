package health.ordo.application.service.insights;

import health.ordo.application.port.in.insights.Insight;
import health.ordo.application.port.in.insights.InsightRequest;
import health.ordo.application.port.in.insights.InsightTable;
import health.ordo.application.port.in.insights.InsightsQuery;
import health.ordo.application.port.out.insights.InsightReadPort;
import health.ordo.application.port.out.routing.WorkforcePort;
import health.ordo.application.port.out.sla.SlaConfigPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.domain.insights.DailyRollup;
import health.ordo.domain.insights.Dimension;
import health.ordo.domain.insights.WorkFact;
import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which source answers a read: the rows without a filter, the pair rows for one value of a paired dimension unless a day
 * of the range awaits its rebuild (then the facts), the pair rows of one filter and the other's value for two filters
 * grouped by one of them, the facts for two filters grouped by a third.
 */
class InsightsQueryServiceTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    private static final InsightRequest ONE_TYPE_BY_PAYER = new InsightRequest(FROM, TO, Dimension.PAYER,
            Map.of(Dimension.TYPE, "CLAIM_DENIAL"), InsightRequest.Period.NONE);

    private final InsightReadPort reads = mock(InsightReadPort.class);
    private final InsightsQueryService service = new InsightsQueryService(reads, mock(WorkforcePort.class), new DirectTransactions(),
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), new InsightZones(mock(SlaConfigPort.class), ZoneOffset.UTC));
    private final InsightsQuery.Viewer viewer = new InsightsQuery.Viewer(TENANT, "ada@acme", true);

    @Test
    void oneTypeIsReadFromItsPairRows() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(true);

        service.insight(viewer, Insight.FLOW, ONE_TYPE_BY_PAYER);

        verify(reads).rollup(eq(TENANT), eq(FROM), eq(TO), eq(new DailyRollup.Filter(Dimension.TYPE, "CLAIM_DENIAL")), eq(Dimension.PAYER),
                eq(null), eq(InsightRequest.Period.NONE), anyBoolean());
        verify(reads, never()).facts(any(), any(), any(), any(), any(), any());
    }

    @Test
    void readsWithoutAFilterOrWithTwoSumTheirRowsOrTheFactsWhateverIsMarked() {
        InsightRequest byPayer = new InsightRequest(FROM, TO, Dimension.PAYER, Map.of(), InsightRequest.Period.NONE);
        InsightRequest twoFilters = new InsightRequest(FROM, TO, Dimension.PAYER,
                Map.of(Dimension.TYPE, "CLAIM_DENIAL", Dimension.QUEUE, "denials"), InsightRequest.Period.NONE);

        service.insight(viewer, Insight.FLOW, byPayer);
        service.insight(viewer, Insight.FLOW, twoFilters);

        verify(reads).rollup(eq(TENANT), eq(FROM), eq(TO), eq(null), eq(Dimension.PAYER), eq(null), eq(InsightRequest.Period.NONE), anyBoolean());
        verify(reads).facts(eq(TENANT), eq(FROM), eq(TO), any(), eq(twoFilters.where()), any());
        verify(reads, never()).rolledUp(any(), any(), any());
    }

    @Test
    void oneSupplierOrSpecialtyIsReadFromItsPairRows_butNoneIsReadFromTheFacts() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(true);
        InsightRequest none = new InsightRequest(FROM, TO, Dimension.QUEUE, Map.of(Dimension.PAYER, Dimension.NONE), InsightRequest.Period.NONE);

        service.insight(viewer, Insight.MONEY, new InsightRequest(FROM, TO, Dimension.QUEUE, Map.of(Dimension.SUPPLIER, "Medline"),
                InsightRequest.Period.NONE));
        service.insight(viewer, Insight.DURATIONS, new InsightRequest(FROM, TO, Dimension.TYPE, Map.of(Dimension.SPECIALTY, "cardiology"),
                InsightRequest.Period.NONE));
        service.insight(viewer, Insight.FLOW, none);

        verify(reads).rollup(eq(TENANT), eq(FROM), eq(TO), eq(new DailyRollup.Filter(Dimension.SUPPLIER, "Medline")), eq(Dimension.QUEUE),
                eq(null), eq(InsightRequest.Period.NONE), anyBoolean());
        verify(reads).rollup(eq(TENANT), eq(FROM), eq(TO), eq(new DailyRollup.Filter(Dimension.SPECIALTY, "cardiology")), eq(Dimension.TYPE),
                eq(null), eq(InsightRequest.Period.NONE), anyBoolean());
        verify(reads).facts(eq(TENANT), eq(FROM), eq(TO), any(), eq(none.where()), any());
    }

    @Test
    void twoFiltersGroupedByOneOfThemOrNotGrouped_readThePairRowsOfOneForTheOthersValue() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(true);
        Map<Dimension, String> teamAndPayer = Map.of(Dimension.TEAM, "north", Dimension.PAYER, "Aetna");
        Map<Dimension, String> workerAndPayer = Map.of(Dimension.WORKER, "ada@acme", Dimension.PAYER, "Aetna");

        service.insight(viewer, Insight.SLA, new InsightRequest(FROM, TO, Dimension.PAYER, teamAndPayer, InsightRequest.Period.NONE));
        InsightTable daily = service.insight(viewer, Insight.FLOW, new InsightRequest(FROM, TO, null, workerAndPayer, InsightRequest.Period.DAY));

        verify(reads).rollup(eq(TENANT), eq(FROM), eq(TO), eq(new DailyRollup.Filter(Dimension.TEAM, "north")), eq(Dimension.PAYER),
                eq("Aetna"), eq(InsightRequest.Period.NONE), anyBoolean());
        // the worker has no pair rows of their own: the payer's pair rows, the worker's value
        verify(reads).rollup(eq(TENANT), eq(FROM), eq(TO), eq(new DailyRollup.Filter(Dimension.PAYER, "Aetna")), eq(Dimension.WORKER),
                eq("ada@acme"), eq(InsightRequest.Period.DAY), anyBoolean());
        verify(reads, never()).facts(any(), any(), any(), any(), any(), any());
        assertThat(daily.rows()).isEmpty();
    }

    @Test
    void oneFilterWithoutAGrouping_isItsValuesOwnRow() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(true);
        InsightRequest oneWorker = new InsightRequest(FROM, TO, null, Map.of(Dimension.WORKER, "ada@acme"), InsightRequest.Period.MONTH);
        when(reads.rollup(eq(TENANT), eq(FROM), eq(TO), eq(null), eq(Dimension.WORKER), eq("ada@acme"), eq(InsightRequest.Period.MONTH),
                anyBoolean())).thenReturn(java.util.List.of(new DailyRollup.Row(FROM, null, Dimension.WORKER, "ada@acme", arrivals(3))));

        InsightTable flow = service.insight(viewer, Insight.FLOW, oneWorker);

        assertThat(flow.rows()).singleElement().satisfies(row -> assertThat(row).containsEntry("group", "all").containsEntry("arrivals", 3L));
        verify(reads, never()).facts(any(), any(), any(), any(), any(), any());
    }

    @Test
    void twoFiltersGroupedByThePairedOne_areOneGroupNamedByItsValue() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(true);
        InsightRequest workerAndPayerByPayer = new InsightRequest(FROM, TO, Dimension.PAYER,
                Map.of(Dimension.WORKER, "ada@acme", Dimension.PAYER, "Aetna"), InsightRequest.Period.NONE);
        when(reads.rollup(eq(TENANT), eq(FROM), eq(TO), eq(new DailyRollup.Filter(Dimension.PAYER, "Aetna")), eq(Dimension.WORKER), eq("ada@acme"),
                eq(InsightRequest.Period.NONE), anyBoolean()))
                .thenReturn(java.util.List.of(new DailyRollup.Row(FROM, new DailyRollup.Filter(Dimension.PAYER, "Aetna"), Dimension.WORKER,
                        "ada@acme", arrivals(2))));

        InsightTable flow = service.insight(viewer, Insight.FLOW, workerAndPayerByPayer);

        assertThat(flow.rows()).singleElement().satisfies(row -> assertThat(row).containsEntry("group", "Aetna").containsEntry("arrivals", 2L));
        verify(reads, never()).facts(any(), any(), any(), any(), any(), any());
    }

    @Test
    void aFilteredReadOfARangeWithAMarkedDay_readsTheFacts_evenForAValuesOwnRow() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(false);
        InsightRequest oneTeam = new InsightRequest(FROM, TO, null, Map.of(Dimension.TEAM, "north"), InsightRequest.Period.NONE);

        service.insight(viewer, Insight.FLOW, oneTeam);

        verify(reads).facts(eq(TENANT), eq(FROM), eq(TO), any(), eq(oneTeam.where()), any());
        verify(reads, never()).rollup(any(), any(), any(), any(), any(), any(), any(), anyBoolean());
    }

    private static health.ordo.domain.insights.DayMetrics arrivals(long count) {
        health.ordo.domain.insights.DayMetrics metrics = new health.ordo.domain.insights.DayMetrics();
        metrics.arrivals = count;
        return metrics;
    }

    @Test
    void aRangeWithADayAwaitingItsRebuildIsReadFromTheFacts() {
        when(reads.rolledUp(TENANT, FROM, TO)).thenReturn(false);
        WorkFact denial = new WorkFact(Map.of(Dimension.TYPE, "CLAIM_DENIAL", Dimension.PAYER, "Aetna"), BigDecimal.TEN,
                Instant.parse("2026-11-03T10:00:00Z"), null, null, Instant.parse("2026-11-05T10:00:00Z"), false, false, null,
                Duration.ZERO, 0, false, false, 0, 0);
        doAnswer(call -> {
            Consumer<WorkFact> each = call.getArgument(5);
            each.accept(denial);
            return null;
        }).when(reads).facts(eq(TENANT), eq(FROM), eq(TO), any(), eq(Map.of(Dimension.TYPE, "CLAIM_DENIAL")), any());

        InsightTable flow = service.insight(viewer, Insight.FLOW, ONE_TYPE_BY_PAYER);

        verify(reads, never()).rollup(any(), any(), any(), any(), any(), any(), any(), anyBoolean());
        assertThat(flow.rows()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("group", "Aetna").containsEntry("arrivals", 1L).containsEntry("completions", 1L));
    }
}
