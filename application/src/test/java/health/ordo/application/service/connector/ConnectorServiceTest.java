package health.ordo.application.service.connector;

import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.claims.IngestReport;
import health.ordo.domain.workitem.Provenance;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.RemittanceAdvice;

import health.ordo.application.port.in.connector.ConnectorRejection;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.connector.ConnectorConfigChange;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.plugin.SourceAdapterProvider;
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

import health.ordo.spi.http.OutboundChannel;
import health.ordo.spi.http.OutboundPolicy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.Actor;
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
    @Mock
    IngestRemittanceUseCase remittances;
    private ConnectorService service;

    @BeforeEach
    void setUp() {
        service = service(List.of(), Duration.ofSeconds(30));
        // lenient: the tests of stored connectors' source systems use none of these
        lenient().when(registry.connectors()).thenReturn(List.of(new ConnectorRegistryPort.Connector("erp", "test", TENANT, adapter, 10,
                Duration.ofMinutes(5))));
        lenient().when(configs.all()).thenReturn(List.of());
        lenient().when(adapter.system()).thenReturn("erp-system");
    }

    @Test
    void claimPaymentsAClaimsSourcePulls_goThroughTheRemittanceIngestionOfPostedFiles_andCountInTheRun() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of(""));
        ClaimPayment denied = new ClaimPayment("CR-1", "fhir-claimresponse", "payer:CR-1", ClaimPayment.Status.DENIED,
                ClaimPayment.Basis.ADJUDICATED_AMOUNTS, "Payer", "payer", "CR-1", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, "USD", null,
                java.time.LocalDate.parse("2026-11-20"), List.of(), List.of(), List.of(), Map.of(), null);
        ClaimPayment reversed = new ClaimPayment("CR-0", "fhir-claimresponse", "payer:CR-0", ClaimPayment.Status.REVERSED, null, "Payer",
                "payer", null, null, null, null, null, null, null, null, null, null, null, "response cancelled");
        when(adapter.pull(Cursor.START, 10)).thenReturn(new PullResult(List.of(), List.of(), List.of(), new Cursor("c1"), false,
                List.of(denied, reversed)));
        when(adapter.health()).thenReturn(HealthReport.up(NOW));
        when(remittances.ingest(eq(TENANT), any(RemittanceAdvice.class), any(), any())).thenReturn(new IngestReport(2, 2, 1, 0, 0, 1, 0, 0,
                List.of(new IngestReport.ClaimResult("CR-1", "created", "id", null), new IngestReport.ClaimResult("CR-0", "reversal-applied", "id0", null)),
                List.of()));

        service.syncAll();

        ArgumentCaptor<RemittanceAdvice> advice = ArgumentCaptor.forClass(RemittanceAdvice.class);
        ArgumentCaptor<Provenance> provenance = ArgumentCaptor.forClass(Provenance.class);
        verify(remittances).ingest(eq(TENANT), advice.capture(), any(), provenance.capture());
        assertThat(advice.getValue().claims()).containsExactly(denied, reversed);
        assertThat(provenance.getValue()).isEqualTo(Provenance.connector("erp"));
        ArgumentCaptor<ConnectorStatePort.Progress> progress = ArgumentCaptor.forClass(ConnectorStatePort.Progress.class);
        verify(state).advance(eq(TENANT), eq("erp"), eq("c1"), progress.capture(), any());
        assertThat(progress.getValue().created()).isEqualTo(1);
        assertThat(progress.getValue().closed()).isEqualTo(1);
        verify(ingest, never()).ingestBatch(any(), any(), any(), any());
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
    void aChangedRecordOfAClosedItem_isNewWork_underItsReissuedKey() {
        when(state.leaseIfDue(eq(TENANT), eq("erp"), any(), any(), any(), any(), any())).thenReturn(Optional.of(""));
        WorkItemCommand again = new WorkItemCommand("INVOICE_HOLD", "erp-system", "HOLD-9", "Price hold again", new BigDecimal("2500.00"),
                "USD", null, null, Map.of(), List.of());
        when(adapter.pull(Cursor.START, 10)).thenReturn(new PullResult(List.of(again), List.of(), new Cursor("c1"), false));
        when(adapter.health()).thenReturn(HealthReport.up(NOW));
        WorkItem closed = WorkItem.create(TENANT, health.ordo.application.support.TestContent.anInvoiceHold("HOLD-9"), Actor.SYSTEM,
                NOW.minusSeconds(7200));
        closed.cancel("released in the ERP", Actor.SYSTEM, NOW.minusSeconds(3600));
        WorkItem reissued = WorkItem.create(TENANT, health.ordo.application.support.TestContent.anInvoiceHold("HOLD-9:reissued:x"),
                Actor.SYSTEM, NOW);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<WorkItemContent>> batches = ArgumentCaptor.forClass(List.class);
        when(ingest.ingestBatch(eq(TENANT), batches.capture(), any(), any()))
                .thenReturn(List.of(new IngestOutcome.Conflict(closed)), List.of(new IngestOutcome.Created(reissued)));

        service.syncAll();

        assertThat(batches.getAllValues()).hasSize(2);
        assertThat(batches.getAllValues().get(1)).singleElement().satisfies(content ->
                assertThat(content.source().externalId()).startsWith("HOLD-9:reissued:"));
        verify(state).advance(eq(TENANT), eq("erp"), eq("c1"), eq(new ConnectorStatePort.Progress(1, 0, 0, 0, 0)), any());
        verify(save, never()).updateContent(any());
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
        return service(List.of(provider), Duration.ofSeconds(30));
    }

    /** Public names resolve to a documentation address that passes the outbound policy; nothing is sent in these tests. */
    static final OutboundChannel HTTP = new OutboundChannel() {
        private final OutboundPolicy policy = OutboundPolicy.strict().withResolver(host ->
                new InetAddress[]{InetAddress.getByName(host.matches("[0-9.]+|.*:.*") ? host : "93.184.216.34")});

        @Override
        public OutboundPolicy policy() {
            return policy;
        }

        @Override
        public java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request, Duration deadline) {
            throw new AssertionError("nothing is sent in these tests");
        }
    };

    private ConnectorService service(List<SourceAdapterProvider> providers, Duration roundWait) {
        return new ConnectorService(new ConnectorCatalogue(registry, configs, providers, new DirectTransactions(), HTTP),
                new ConnectorService.Parts(state, ingest, query, null, save, events, new DirectTransactions(), Clock.fixed(NOW, ZoneOffset.UTC), null, () -> remittances),
                Duration.ofMillis(1), EXECUTOR, roundWait, null);
    }

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r);
        thread.setDaemon(true);
        return thread;
    });

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

    private static ConnectorConfigChange change(String baseUrl, Map<String, String> options, Map<String, String> secrets) {
        return new ConnectorConfigChange("test-erp", baseUrl, null, null, null, options, secrets);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"env:HOME", "env:SOME_UNSET_NAME", "file:/etc/passwd", "${ORDO_JWT_SECRET}",
            "ENV: PATH"})
    void aSecretThatRefersToTheServer_isRefused_namingTheFieldAndNoServerValue(String reference) {
        assertThatThrownBy(() -> withProvider().configure(ACME, "erp-api", change("https://erp.example", Map.of("username", "u"),
                Map.of("password", reference)), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> {
                    assertThat(e.field()).isEqualTo("secrets.password");
                    assertThat(e.getMessage()).doesNotContain("HOME").doesNotContain("not set").doesNotContain(System.getProperty("user.home"));
                });
        verify(configs, never()).save(any(), any(), any(), any());
    }

    @Test
    void aStoredSecretThatLooksLikeAReference_reachesTheAdapterAsTheValueItIs() {
        java.util.concurrent.atomic.AtomicReference<ConnectorSettings> seen = new java.util.concurrent.atomic.AtomicReference<>();
        SourceAdapterProvider capturing = new SourceAdapterProvider() {
            @Override
            public String type() {
                return "test-erp";
            }

            @Override
            public SourceAdapter create(ConnectorSettings settings) {
                seen.set(settings);
                return adapter;
            }
        };
        when(configs.all()).thenReturn(List.of(new ConnectorConfigPort.Stored(ACME, stored("old", Map.of("username", "u")),
                Map.of("password", "env:HOME"))));

        service(List.of(capturing), Duration.ofSeconds(30)).connectors(ACME);

        assertThat(seen.get().options()).containsEntry("password", "env:HOME");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"baseUrl,https://127.0.0.1:19099,", "baseUrl,https://169.254.169.254/latest,",
            "baseUrl,http://10.0.0.1/,", "baseUrl,http://erp.example/,", "options.token-url,https://erp.example,https://[::1]/token",
            "options.write-back-url,https://erp.example,https://metadata.google.internal/x"})
    void aDestinationTheOutboundPolicyRefuses_isNotSaved(String field, String baseUrl, String optionUrl) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("username", "u"));
        if (optionUrl != null) {
            options.put(field.substring("options.".length()), optionUrl);
        }

        assertThatThrownBy(() -> withProvider().configure(ACME, "erp-api", change(baseUrl, options, Map.of()), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(OutboundPolicy.REFUSED);
                });
        verify(configs, never()).save(any(), any(), any(), any());
    }

    @Test
    void aTimeoutAboveTheDeploymentsLongest_isRefused() {
        assertThatThrownBy(() -> withProvider().configure(ACME, "erp-api", change("https://erp.example",
                Map.of("username", "u", "timeout-seconds", "86400"), Map.of()), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> assertThat(e.field()).isEqualTo("options.timeout-seconds"));
    }

    @Test
    void movingStoredCredentialsToAnotherDestination_needsThemSentAgain() {
        ConnectorConfigPort.Stored existing = new ConnectorConfigPort.Stored(ACME, stored("erp-api", Map.of("username", "u")),
                Map.of("password", "p"));
        when(configs.find(ACME, "erp-api")).thenReturn(Optional.of(existing));
        ConnectorService service = withProvider();

        assertThatThrownBy(() -> service.configure(ACME, "erp-api", change("https://elsewhere.example", Map.of("username", "u"), Map.of()),
                "ada@demo")).isInstanceOfSatisfying(InvalidConnectorException.class, e -> {
                    assertThat(e.field()).isEqualTo("secrets.password");
                    assertThat(e.getMessage()).contains("baseUrl changed");
                });
        assertThatThrownBy(() -> service.configure(ACME, "erp-api", change("https://erp.example",
                Map.of("username", "u", "token-url", "https://elsewhere.example/token"), Map.of()), "ada@demo"))
                .isInstanceOfSatisfying(InvalidConnectorException.class, e -> assertThat(e.getMessage()).contains("options.token-url"));
        verify(configs, never()).save(any(), any(), any(), any());

        service.configure(ACME, "erp-api", change("https://elsewhere.example", Map.of("username", "u"), Map.of("password", "p2")), "ada@demo");
        verify(configs).save(eq(ACME), any(), eq(Map.of("password", "p2")), eq("erp-system"));
    }

    @Test
    void aSourceThatHangs_doesNotHoldUpAnotherConnectorsSync() throws InterruptedException {
        SourceAdapter hung = org.mockito.Mockito.mock(SourceAdapter.class);
        CountDownLatch release = new CountDownLatch(1);
        lenient().when(hung.system()).thenReturn("hung-system");
        when(hung.pull(any(), anyInt())).thenAnswer(invocation -> {
            release.await(30, TimeUnit.SECONDS);
            return new PullResult(List.of(), List.of(), new Cursor("h1"), false);
        });
        lenient().when(hung.health()).thenReturn(HealthReport.up(NOW));
        when(registry.connectors()).thenReturn(List.of(
                new ConnectorRegistryPort.Connector("slow", "test", ACME, hung, 10, Duration.ofMinutes(5)),
                new ConnectorRegistryPort.Connector("erp", "test", TENANT, adapter, 10, Duration.ofMinutes(5))));
        when(state.leaseIfDue(any(), any(), any(), any(), any(), any(), any())).thenReturn(Optional.of(""));
        when(adapter.pull(Cursor.START, 10)).thenReturn(new PullResult(List.of(), List.of(), new Cursor("c1"), false));
        when(adapter.health()).thenReturn(HealthReport.up(NOW));

        try {
            assertThat(service(List.of(), Duration.ofMillis(500)).syncAll()).isEqualTo(2);

            verify(state, org.mockito.Mockito.timeout(5000)).advance(eq(TENANT), eq("erp"), eq("c1"), any(), any());
            verify(state, never()).advance(eq(ACME), eq("slow"), any(), any(), any());
        } finally {
            release.countDown();
        }
        verify(state, org.mockito.Mockito.timeout(5000)).advance(eq(ACME), eq("slow"), eq("h1"), any(), any());
    }
}
