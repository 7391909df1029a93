package health.ordo.adapter.erp.oracle;

import health.ordo.adapter.erp.http.ErpHttp;
import health.ordo.spi.Cursor;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.WorkItemCommand;
import health.ordo.spi.WriteBackResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What an Oracle invoice hold becomes, and what a release writes back. */
class OracleFusionInvoiceHoldsTest {

    private final FakeOracleFusion fake = new FakeOracleFusion();

    OracleFusionInvoiceHoldsTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void openHold_becomesAnInvoiceHoldJoinedWithItsInvoice_andAReleasedHoldAClosure() {
        fake.addHold("Amount", "Baxter Healthcare", "48250.00", true);
        fake.addHold("Qty Rec", "Office Depot", "310.40", true).put("ReleaseName", "Quantity received").put("ReleaseReason", "Goods received");

        PullResult result = OracleFusionInvoiceHoldsTckTest.adapter(fake).pull(Cursor.START, 10);

        assertThat(result.commands()).singleElement().satisfies(command -> {
            assertThat(command.type()).isEqualTo("INVOICE_HOLD");
            assertThat(command.sourceSystem()).isEqualTo("oracle-fusion");
            assertThat(command.externalId()).isEqualTo("300100170746001");
            assertThat(command.amount()).isEqualByComparingTo("48250.00");
            assertThat(command.currency()).isEqualTo("USD");
            assertThat(command.dueAt()).as("the discount date").isEqualTo(Instant.parse("2026-11-30T23:59:59Z"));
            assertThat(command.hardDeadlineAt()).as("the installment due date").isEqualTo(Instant.parse("2026-12-20T23:59:59Z"));
            assertThat(command.attributes()).containsEntry("holdName", "Amount").containsEntry("holdReasonCategory", "AMOUNT_LIMIT")
                    .containsEntry("invoiceNumber", "INV-5001").containsEntry("businessUnit", "Vision Operations")
                    .containsEntry("supplierCriticality", "CRITICAL").containsEntry("soleSource", true)
                    .containsEntry("paymentTerms", "2/10 Net 30").containsEntry("discountDate", "2026-11-30");
            assertThat(command.events()).extracting(e -> e.type()).containsExactly("InvoiceReceived");
        });
        assertThat(result.closures()).singleElement().satisfies(c -> {
            assertThat(c.externalId()).isEqualTo("300100170746002");
            assertThat(c.reason()).contains("Quantity received");
        });
    }

    @Test
    void moreHoldsInOneInstantThanAPageHolds_areAllTakenOnce_andALaterHoldStillFollows() {
        for (int i = 0; i < 80; i++) {
            fake.addHold("Amount", "Supplier " + i, "100.00", true).put("LastUpdateDate", "2026-11-20T09:00:00.000+00:00");
        }
        fake.addHold("Amount", "Late supplier", "200.00", true).put("LastUpdateDate", "2026-11-21T09:00:00.000+00:00");
        OracleFusionInvoiceHolds adapter = OracleFusionInvoiceHoldsTckTest.adapter(fake);

        java.util.List<String> taken = new java.util.ArrayList<>();
        Cursor cursor = Cursor.START;
        for (int pull = 0; pull < 100; pull++) {
            PullResult result = adapter.pull(cursor, 2);
            result.commands().forEach(c -> taken.add(c.externalId()));
            cursor = result.next();
            if (!result.hasMore()) {
                break;
            }
        }

        assertThat(taken).hasSize(81).doesNotHaveDuplicates();
        assertThat(taken.get(80)).isEqualTo("300100170746081");
    }

    @Test
    void release_patchesTheHoldWithAReleaseName_asAnAdfResourceItem_once() {
        fake.addHold("Price", "Medline", "900.00", true);
        OracleFusionInvoiceHolds adapter = OracleFusionInvoiceHoldsTckTest.adapter(fake);
        WorkItemCommand hold = adapter.pull(Cursor.START, 10).commands().get(0);

        WriteBackResult first = adapter.writeBack(new Outcome(hold.externalId(), "RELEASED", "price confirmed with buyer", "k-1"));
        WriteBackResult again = adapter.writeBack(new Outcome(hold.externalId(), "RELEASED", "price confirmed with buyer", "k-1"));
        WriteBackResult notARelease = adapter.writeBack(new Outcome(hold.externalId(), "REJECTED_INVOICE", null, "k-2"));

        assertThat(first.status()).isEqualTo(WriteBackResult.Status.APPLIED);
        assertThat(again.status()).isEqualTo(WriteBackResult.Status.ALREADY_APPLIED);
        assertThat(notARelease.detail()).contains("does not release");
        assertThat(fake.holds.get(0).get("ReleaseName").asText()).isEqualTo("Invoice Quick Released");
        assertThat(fake.holds.get(0).get("ReleaseReason").asText()).contains("price confirmed with buyer");
        assertThat(fake.patchContentTypes).containsExactly("application/vnd.oracle.adf.resourceitem+json");
        assertThat(fake.timesApplied("k-1")).isEqualTo(1);
    }

    @Test
    void aRefusedRelease_isReportedWithItsStatus_neverWithWhatTheSourceAnswered() {
        fake.addHold("Price", "Medline", "900.00", true);
        OracleFusionInvoiceHolds adapter = OracleFusionInvoiceHoldsTckTest.adapter(fake);
        WorkItemCommand hold = adapter.pull(Cursor.START, 10).commands().get(0);
        fake.refuseReleaseWith = "{\"detail\":\"root:x:0:0:root:/root:/bin/bash\"}";

        WriteBackResult refused = adapter.writeBack(new Outcome(hold.externalId(), "RELEASED", null, "k-9"));

        assertThat(refused.status()).isEqualTo(WriteBackResult.Status.FAILED);
        assertThat(refused.detail()).isEqualTo("Oracle refused the release (400)");
    }

    @Test
    void refusedCredentialsTurnTheAdapterDown_aSlowSourceDegraded_eachWithTheReason() throws InterruptedException {
        fake.addHold("Amount", "Medline", "900.00", true);
        OracleFusionInvoiceHolds wrongPassword = new OracleFusionInvoiceHolds(fake.base(), new ErpHttp(new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")),
                health.ordo.spi.http.Auth.basic("ap.user", "wrong"), java.time.Clock.systemUTC()),
                new health.ordo.adapter.erp.http.SupplierCriticality(java.util.Set.of(), java.util.Set.of(), java.util.Set.of()),
                java.util.Set.of("RELEASED"), java.util.Map.of());
        OracleFusionInvoiceHolds impatient = new OracleFusionInvoiceHolds(fake.base(), new ErpHttp(new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")),
                health.ordo.spi.http.Auth.basic("ap.user", "secret"), java.time.Clock.systemUTC(), java.time.Duration.ofMillis(300)),
                new health.ordo.adapter.erp.http.SupplierCriticality(java.util.Set.of(), java.util.Set.of(), java.util.Set.of()),
                java.util.Set.of("RELEASED"), java.util.Map.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongPassword.pull(Cursor.START, 10))
                .isInstanceOf(health.ordo.spi.SourceUnavailableException.class).hasMessageContaining("401");
        fake.delayMillis = 1_000;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> impatient.pull(Cursor.START, 10))
                .isInstanceOf(health.ordo.spi.SourceUnavailableException.class).hasMessageContaining("timed out");
        fake.delayMillis = 0;
        Thread.sleep(1_100);

        assertThat(wrongPassword.health().status()).isEqualTo(health.ordo.spi.HealthReport.Status.DOWN);
        assertThat(wrongPassword.health().reason()).contains("credentials refused (401)");
        assertThat(impatient.health().reason()).contains("timed out after 300 ms");
        assertThat(impatient.pull(Cursor.START, 10).commands()).hasSize(1);
        assertThat(impatient.health().status()).isEqualTo(health.ordo.spi.HealthReport.Status.UP);
    }

    @Test
    void serverError_isASourceFailure_notAnEmptyPage() {
        fake.addHold("Amount", "Medline", "900.00", true);
        fake.failNextCalls(1);
        OracleFusionInvoiceHolds adapter = OracleFusionInvoiceHoldsTckTest.adapter(fake);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.pull(Cursor.START, 10))
                .isInstanceOf(health.ordo.spi.SourceUnavailableException.class).hasMessageContaining("503");
        assertThat(adapter.pull(Cursor.START, 10).commands()).hasSize(1);
    }
}
