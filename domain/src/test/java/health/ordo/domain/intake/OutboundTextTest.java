package health.ordo.domain.intake;

import health.ordo.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundTextTest {

    private static final String INVOICE = """
            Northwind Surgical Supply, Inc.  Tax ID 84-2291733
            Invoice INV-558201 for PO 4500012345. Total due $12,480.00 by 12/30/2026.
            Remit to account 0012345678 or call 312 555 0199.
            """;

    @Test
    void aSupplierInvoiceTheClassifierIsSureOf_goesWithItsIdentifiersMasked() {
        IntakeDocument invoice = document(INVOICE, DocumentType.SUPPLIER_INVOICE,
                Map.of(DocumentType.SUPPLIER_INVOICE, 0.96, DocumentType.SUPPLIER_ONBOARDING, 0.01, DocumentType.OTHER, 0.03),
                List.of(field(DocumentType.Field.TAX_ID, "84-2291733"), field(DocumentType.Field.INVOICE_NUMBER, "INV-558201"),
                        field(DocumentType.Field.SUPPLIER, "Northwind Surgical Supply, Inc.")));

        String sent = OutboundText.of(invoice, false, 10_000).orElseThrow();

        assertThat(sent).doesNotContain("84-2291733", "INV-558201", "4500012345", "0012345678", "312 555 0199")
                .contains("Northwind Surgical Supply", "$12,480.00", "12/30/2026", OutboundText.MASK);
    }

    @Test
    void aPatientDocument_orAnInvoiceThatMightBeOne_neverGoesWithoutPhiAllowed() {
        IntakeDocument denial = document("Claim 2026270118834 for member GLH448201937 is denied.", DocumentType.DENIAL_LETTER,
                Map.of(DocumentType.DENIAL_LETTER, 0.99, DocumentType.OTHER, 0.01), List.of());
        IntakeDocument unsure = document(INVOICE, DocumentType.SUPPLIER_INVOICE,
                Map.of(DocumentType.SUPPLIER_INVOICE, 0.90, DocumentType.EXPLANATION_OF_BENEFITS, 0.10), List.of());
        IntakeDocument other = document(INVOICE, DocumentType.OTHER, Map.of(DocumentType.OTHER, 1.0), List.of());

        assertThat(OutboundText.of(denial, false, 10_000)).isEmpty();
        assertThat(OutboundText.of(unsure, false, 10_000)).as("10 % on a patient-facing type is too much").isEmpty();
        assertThat(OutboundText.of(other, false, 10_000)).as("'other' may be anything").isEmpty();
        assertThat(OutboundText.of(denial, true, 20)).as("allowed: as it is, cut to the limit").hasValue("Claim 2026270118834 ");
    }

    private static IntakeDocument document(String text, DocumentType type, Map<DocumentType, Double> probabilities, List<ExtractedField> fields) {
        IntakeDocument d = new IntakeDocument(UUID.randomUUID(), TenantId.of("t"), "0".repeat(64), "x.txt", "text/plain", text.length(), "api",
                "ana", Instant.EPOCH);
        d.textRead(text, IntakeDocument.TextSource.PLAIN, 1, Instant.EPOCH);
        d.classified(new Classification(type, probabilities.get(type), probabilities, "m1", false), fields, "local", Instant.EPOCH);
        return d;
    }

    private static ExtractedField field(DocumentType.Field field, String value) {
        return new ExtractedField(field, value, 0.9, true, value, null);
    }
}
