package health.ordo.adapter.erp.sap;

import health.ordo.spi.Cursor;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.WriteBackResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a blocked SAP supplier invoice becomes, and the CSRF + ETag release handshake. */
class SapSupplierInvoicePaymentBlocksTest {

    private final FakeSapS4 fake = new FakeSapS4();

    SapSupplierInvoicePaymentBlocksTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void blockedInvoice_becomesAPaymentBlock_withODataDatesAndStringDecimalsRead_andUnblockedOnesAreSkipped() {
        fake.add("17300001", "12500.40", "A");
        fake.add("17300009", "99.00", "");
        fake.add("17300009", "450.00", "R").put("IsReversed", true);

        PullResult result = SapSupplierInvoicePaymentBlocksTckTest.adapter(fake).pull(Cursor.START, 10);

        assertThat(result.commands()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("PAYMENT_BLOCK");
            assertThat(c.externalId()).isEqualTo("2026/5105600101");
            assertThat(c.amount()).isEqualByComparingTo("12500.40");
            assertThat(c.hardDeadlineAt()).as("baseline 2025-11-20 + 30 net days").isEqualTo(Instant.parse("2025-12-20T23:59:59Z"));
            assertThat(c.dueAt()).as("cash discount after 10 days").isEqualTo(Instant.parse("2025-11-30T23:59:59Z"));
            assertThat(c.attributes()).containsEntry("paymentBlockingReason", "A").containsEntry("paymentBlockDescription", "Blocked for payment")
                    .containsEntry("supplier", "17300001").containsEntry("supplierCriticality", "CRITICAL").containsEntry("companyCode", "1010");
        });
        assertThat(result.closures()).singleElement().satisfies(c -> assertThat(c.externalId()).isEqualTo("2026/5105600103"));
    }

    @Test
    void release_fetchesACsrfTokenAndSendsItWithTheSessionAndETag_thenSeesTheInvoiceUnblocked() {
        fake.add("17300001", "12500.40", "A");
        SapSupplierInvoicePaymentBlocks adapter = SapSupplierInvoicePaymentBlocksTckTest.adapter(fake);

        WriteBackResult released = adapter.writeBack(new Outcome("2026/5105600101", "RELEASED", null, "key-9"));
        WriteBackResult again = adapter.writeBack(new Outcome("2026/5105600101", "RELEASED", null, "key-9"));

        assertThat(released.status()).isEqualTo(WriteBackResult.Status.APPLIED);
        assertThat(again.status()).isEqualTo(WriteBackResult.Status.ALREADY_APPLIED);
        assertThat(fake.csrfRefusals.get()).isZero();
        assertThat(fake.invoices.get(0).get("PaymentBlockingReason").asText()).isEmpty();
        assertThat(fake.timesApplied("key-9")).isEqualTo(1);
    }

    @Test
    void csrfRejection_restartsTheHandshakeOnce_andTheReleaseStillAppliesOnce() {
        fake.add("17300001", "12500.40", "A");
        fake.expireNextTokens.set(1);

        WriteBackResult released = SapSupplierInvoicePaymentBlocksTckTest.adapter(fake)
                .writeBack(new Outcome("2026/5105600101", "RELEASED", null, "key-10"));

        assertThat(released.status()).isEqualTo(WriteBackResult.Status.APPLIED);
        assertThat(fake.csrfRefusals.get()).isEqualTo(1);
        assertThat(fake.timesApplied("key-10")).isEqualTo(1);
    }

    @Test
    void csrfRejectedEveryTime_failsTheWriteBackForALaterRetry_withoutReleasing() {
        fake.add("17300001", "12500.40", "A");
        fake.expireNextTokens.set(5);

        WriteBackResult result = SapSupplierInvoicePaymentBlocksTckTest.adapter(fake)
                .writeBack(new Outcome("2026/5105600101", "RELEASED", null, "key-11"));

        assertThat(result.status()).isEqualTo(WriteBackResult.Status.FAILED);
        assertThat(fake.invoices.get(0).get("PaymentBlockingReason").asText()).isEqualTo("A");
    }

    @Test
    void aRejectedInvoice_staysBlockedInSap() {
        fake.add("17300001", "12500.40", "A");

        WriteBackResult result = SapSupplierInvoicePaymentBlocksTckTest.adapter(fake)
                .writeBack(new Outcome("2026/5105600101", "REJECTED", "duplicate invoice", "key-12"));

        assertThat(result.status()).isEqualTo(WriteBackResult.Status.APPLIED);
        assertThat(result.detail()).contains("does not release");
        assertThat(fake.invoices.get(0).get("PaymentBlockingReason").asText()).isEqualTo("A");
        assertThat(fake.timesApplied("key-12")).isZero();
    }

    @Test
    void aCreditMemoFlaggedX_isACreditMemo_andTermsWithoutNetDaysFallBackToTheSecondDiscountPeriod() {
        fake.add("17300001", "500.00", "A").put("SupplierInvoiceIsCreditMemo", "X").put("NetPaymentDays", "0")
                .put("CashDiscount1Days", "14").put("CashDiscount2Days", "30");

        PullResult result = SapSupplierInvoicePaymentBlocksTckTest.adapter(fake).pull(Cursor.START, 10);

        assertThat(result.commands()).singleElement().satisfies(c -> {
            assertThat(c.attributes()).containsEntry("creditMemo", true);
            assertThat(c.title()).startsWith("Supplier credit memo 5105600101");
            assertThat(c.hardDeadlineAt()).as("baseline 2025-11-20 + 30 days (days 2)").isEqualTo(Instant.parse("2025-12-20T23:59:59Z"));
            assertThat(c.dueAt()).as("first discount after 14 days").isEqualTo(Instant.parse("2025-12-04T23:59:59Z"));
        });
    }
}
