package health.ordo.application.service.connector;

import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.out.connector.ConnectorSettings;
import health.ordo.application.port.out.connector.SourceAdapterProvider;
import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WorkItemCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.ordo.application.port.in.connector.InvalidConnectorException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class ConnectorServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @Mock
    ConnectorRegistryPort registry;
    @Mock
    ConnectorStatePort state;
    @Mock
    IngestWorkItemUseCase ingest;
    @Mock
    GetWorkItemQuery query;
    @Mock
    SaveWorkItemPort save;
    @Mock
    AppendEventsPort events;
    @Mock
    SourceAdapter adapter;
    @Mock
    ConnectorConfigPort configs;
    private ConnectorService service;

    @BeforeEach
    void setUp() {
        service = new ConnectorService(registry, configs, List.of(), state, ingest, query, null, save, events, new DirectTransactions(),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1));
        // lenient: the tests of stored connectors' source systems use none of these
        lenient().when(registry.connectors()).thenReturn(List.of(new ConnectorRegistryPort.Connector("erp", "test", TENANT, adapter, 10,
                Duration.ofMinutes(5))));
        lenient().when(configs.all()).thenReturn(List.of());
        lenient().when(adapter.system()).thenReturn("erp-system");
    }

    @Test
    void connectorLeasedByAnotherNode_isNotPulled() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.empty());

        assertThat(service.syncAll()).isZero();

        verify(adapter, never()).pull(any(), anyInt());
    }

    @Test
    void commandTheDomainRefuses_isKeptAsARejection_andTheCursorMovesOn() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of(""));
        WorkItemCommand unknownType = new WorkItemCommand("TIMESHEET", "erp-system", "T-1", "Timesheet", BigDecimal.TEN, "USD",
                null, null, Map.of(), List.of());
        when(adapter.pull(Cursor.START, 10)).thenReturn(new PullResult(List.of(unknownType), List.of(), new Cursor("c1"), false));
        when(adapter.health()).thenReturn(HealthReport.up(NOW));

        service.syncAll();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ConnectorRejection>> rejected = ArgumentCaptor.forClass(List.class);
        verify(state).reject(eq(TENANT), eq("erp"), rejected.capture());
        assertThat(rejected.getValue()).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("T-1");
            assertThat(r.location()).isEqualTo("type");
        });
        verify(state).advance(eq(TENANT), eq("erp"), eq("c1"), eq(new ConnectorStatePort.Progress(0, 0, 0, 0, 1)), any());
        verify(ingest, never()).ingestBatch(any(), any(), any());
    }

    @Test
    void sourceDown_isRetriedWithBackoff_thenMarksTheConnectorDegraded_andKeepsTheCursor() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of("c7"));
        when(adapter.pull(new Cursor("c7"), 10)).thenThrow(new SourceUnavailableException("connection refused", null));
        when(adapter.health()).thenReturn(new HealthReport(HealthReport.Status.DEGRADED, "connection refused", NOW));

        service.syncAll();

        verify(adapter, times(3)).pull(new Cursor("c7"), 10);
        verify(state, never()).advance(any(), any(), any(), any(), any());
        verify(state).finish(TENANT, "erp", "DEGRADED", "connection refused", false, NOW, null);
    }

    @Test
    void thirdFailedRoundInARow_opensTheCircuit() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of("c7"));
        when(adapter.pull(new Cursor("c7"), 10)).thenThrow(new SourceUnavailableException("HTTP 500", null));
        when(adapter.health()).thenReturn(new HealthReport(HealthReport.Status.DEGRADED, "HTTP 500", NOW));
        when(state.consecutiveFailures(TENANT, "erp")).thenReturn(2);

        service.syncAll();

        verify(state).finish(TENANT, "erp", "DEGRADED", "HTTP 500", false, NOW, Duration.ofMinutes(1));
    }

    @Test
    void aSourceAskingForAPauseLongerThanTheRoundCanWait_isNotCalledAgain_andTheCircuitStaysOpenThatLong() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of("c7"));
        when(adapter.pull(new Cursor("c7"), 10)).thenThrow(new SourceUnavailableException("source answered 429", null,
                Duration.ofSeconds(120), true));
        when(adapter.health()).thenReturn(new HealthReport(HealthReport.Status.DEGRADED, "429", NOW));

        service.syncAll();

        verify(adapter, times(1)).pull(new Cursor("c7"), 10);
        verify(state).finish(TENANT, "erp", "DEGRADED", "source answered 429", false, NOW, Duration.ofSeconds(120));
    }

    @Test
    void refusedCredentials_areNotTriedAgainInTheRound_andTheConnectorIsDown() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of("c7"));
        when(adapter.pull(new Cursor("c7"), 10)).thenThrow(new SourceUnavailableException("credentials refused (401)", null, null, false));
        when(adapter.health()).thenReturn(new HealthReport(HealthReport.Status.DOWN, "credentials refused (401)", NOW));

        service.syncAll();

        verify(adapter, times(1)).pull(new Cursor("c7"), 10);
        verify(state).finish(TENANT, "erp", "DOWN", "credentials refused (401)", false, NOW, null);
    }

    private ConnectorService withProvider() {
        SourceAdapterProvider provider = new SourceAdapterProvider() {
            @Override
            public String type() {
                return "test-erp";
            }

            @Override
            public SourceAdapter create(ConnectorSettings settings) {
                if (!settings.options().containsKey("username")) {
                    throw new IllegalArgumentException("username is missing");
                }
                return adapter;
            }
        };
        return new ConnectorService(registry, configs, List.of(provider), state, ingest, query, null, save, events, new DirectTransactions(),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1));
    }

    private static ConnectorConfig stored(String id, Map<String, String> options) {
        return new ConnectorConfig(id, "test-erp", java.net.URI.create("https://erp.example"), 100, Duration.ofMinutes(5), true,
                options, java.util.Set.of(), 1, NOW, "ada@demo");
    }

    /** A tenant without deployment connectors (TENANT has "erp" of system erp-system from the deployment). */
    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void savedConnector_recordsTheSourceSystemItsAdapterServes() {
        withProvider().configure(ACME, "erp-api", new ConnectorConfigChange("test-erp", "https://erp.example", null, null, null,
                Map.of("username", "u"), Map.of()), "ada@demo");

        verify(configs).save(eq(ACME), any(), eq(Map.of()), eq("erp-system"));
    }

    @Test
    void aSecondConnectorOfTheSameSourceSystem_isRefused_asAreSecretLookingOrEmptyOptions() {
        when(configs.all()).thenReturn(List.of(new ConnectorConfigPort.Stored(ACME, stored("erp-one", Map.of("username", "u")), Map.of())));
        ConnectorService service = withProvider();
        java.util.Map<String, String> nullValue = new java.util.HashMap<>();
        nullValue.put("username", null);

        assertThatThrownBy(() -> service.configure(ACME, "erp-two", new ConnectorConfigChange("test-erp", "https://erp2.example",
                null, null, null, Map.of("username", "u"), Map.of()), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains("erp-one already serves source system erp-system");
                });
        assertThatThrownBy(() -> service.configure(ACME, "erp-one", new ConnectorConfigChange("test-erp", "https://erp.example",
                null, null, null, Map.of("username", "u", "client_secret", "s3cr3t"), Map.of()), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> assertThat(e.field()).isEqualTo("options.client_secret"));
        assertThatThrownBy(() -> service.configure(ACME, "erp-one", new ConnectorConfigChange("test-erp", "https://erp.example",
                null, null, null, nullValue, Map.of()), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> assertThat(e.field()).isEqualTo("options.username"));
        service.configure(ACME, "erp-one", new ConnectorConfigChange("test-erp", "https://erp.example", null, null, null,
                Map.of("username", "u", "token-url", "https://idp.example/token"), Map.of()), "ada@demo");
        verify(configs).save(eq(ACME), any(), eq(Map.of()), eq("erp-system"));
    }

    @Test
    void connectorsSavedBeforeTheirSourceSystemWasRecorded_getItAtStart_unlessTheyCannotBeBuilt() {
        when(configs.lackingSourceSystem()).thenReturn(List.of(
                new ConnectorConfigPort.Stored(TENANT, stored("old", Map.of("username", "u")), Map.of()),
                new ConnectorConfigPort.Stored(TENANT, stored("broken", Map.of()), Map.of())));

        assertThat(withProvider().recordSourceSystems()).isEqualTo(1);

        verify(configs).recordSourceSystem(TENANT, "old", "erp-system");
        verify(configs, never()).recordSourceSystem(eq(TENANT), eq("broken"), any());
    }
}
