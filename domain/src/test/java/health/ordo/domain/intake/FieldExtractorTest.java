package health.ordo.domain.intake;

import health.ordo.domain.intake.DocumentType.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FieldExtractorTest {

    private final FieldExtractor extractor = new FieldExtractor();

    private Optional<ExtractedField> field(DocumentType type, String text, Field field) {
        return extractor.extract(type, text).stream().filter(f -> f.field() == field).findFirst();
    }

    private String value(DocumentType type, String text, Field field) {
        return field(type, text, field).map(ExtractedField::value).orElse(null);
    }

    @Test
    void npiCheckDigitIsLuhnOverTheCardIssuerPrefix() {
        assertThat(Npi.isValid("1234567893")).isTrue();
        assertThat(Npi.isValid("2533314789")).isTrue();
        assertThat(Npi.isValid("1234567890")).isFalse();
        assertThat(Npi.isValid("123456789")).isFalse();
        assertThat(Npi.isValid("12345678AB")).isFalse();
        assertThat(Npi.isValid(null)).isFalse();
    }

    @Test
    void npiFailingTheCheckDigitIsKeptAsInvalid() {
        ExtractedField npi = field(DocumentType.CREDENTIAL_EXPIRY, "Provider NPI: 1234567890\n", Field.NPI).orElseThrow();

        assertThat(npi.valid()).isFalse();
        assertThat(npi.confidence()).isLessThanOrEqualTo(0.3);
        assertThat(npi.problem()).contains("check digit");
    }

    @Test
    void readsEveryCommonDateFormat() {
        for (String printed : List.of("03/14/2026", "3/14/26", "March 14, 2026", "Mar. 14 2026", "14-MAR-2026", "2026-03-14",
                "14 March 2026", "Sept ember 14, 2026".replace("Sept ember", "March"))) {
            String letter = "Member ID: W123456789\nDate of service: " + printed + "\n";

            assertThat(value(DocumentType.DENIAL_LETTER, letter, Field.SERVICE_DATE_FROM)).as(printed).isEqualTo("2026-03-14");
        }
        assertThat(value(DocumentType.DENIAL_LETTER, "Date of service: Sept ember 22, 2025\n", Field.SERVICE_DATE_FROM)).isEqualTo("2025-09-22");
    }

    @Test
    void aDateThatIsNotOnTheCalendarIsInvalid() {
        ExtractedField from = field(DocumentType.DENIAL_LETTER, "Date of service: 02/30/2026\n", Field.SERVICE_DATE_FROM).orElseThrow();

        assertThat(from.valid()).isFalse();
        assertThat(from.confidence()).isLessThanOrEqualTo(0.3);
        assertThat(from.problem()).isNotBlank();
    }

    @Test
    void serviceRangeAndASingleDateOfServiceOnAClaim() {
        String range = "Dates of Svc .... 08/11/2025 thru 08/13/2025\n";
        assertThat(value(DocumentType.DENIAL_LETTER, range, Field.SERVICE_DATE_FROM)).isEqualTo("2025-08-11");
        assertThat(value(DocumentType.DENIAL_LETTER, range, Field.SERVICE_DATE_TO)).isEqualTo("2025-08-13");

        String single = "Service Date:       December 30, 2025\n";
        assertThat(value(DocumentType.DENIAL_LETTER, single, Field.SERVICE_DATE_TO)).isEqualTo("2025-12-30");
    }

    @Test
    void amountsAreNormalisedToTwoDecimals() {
        assertThat(value(DocumentType.DENIAL_LETTER, "Amount billed:   $4,812.00\nAmount paid:     $0.00\n", Field.BILLED_AMOUNT)).isEqualTo("4812.00");
        assertThat(value(DocumentType.DENIAL_LETTER, "Amount billed:   $4,812.00\nAmount paid:     $0.00\n", Field.PAID_AMOUNT)).isEqualTo("0.00");
        assertThat(value(DocumentType.DENIAL_LETTER, "Billed Charges:     USD 1,234.5\nBilled Charges: USD 1,234.50\n", Field.BILLED_AMOUNT))
                .isEqualTo("1234.50");
        assertThat(value(DocumentType.SUPPLIER_INVOICE, "Subtotal 1,200.00\nTOTAL DUE:   $ 1,234.50\n", Field.BILLED_AMOUNT)).isEqualTo("1234.50");
    }

    @Test
    void aNegativeAmountIsNotACharge() {
        ExtractedField billed = field(DocumentType.SUPPLIER_INVOICE, "CREDIT MEMO VCS-CM-004482\nTotal:       -$4,150.00\n", Field.BILLED_AMOUNT)
                .orElseThrow();

        assertThat(billed.valid()).isFalse();
        assertThat(billed.problem()).contains("negative");
    }

    @Test
    void adjustmentCodesNeedAGroupCodeOrALabelAndRemarksNeedARemarkContext() {
        String letter = """
                Provider address: 1600 Grant St, Denver, CO 80202
                Diagnosis: M23.221 Derangement of meniscus
                Adjustment reason: CO-50 (not medically necessary); PR 1 deductible
                Remark: N30 (Patient ineligible for this service)
                Claim adjustment reason code 197 was also applied.
                  CO-16   Claim lacks information.
                  M127    Missing patient medical record for this service.
                """;

        assertThat(value(DocumentType.DENIAL_LETTER, letter, Field.CARC_CODES)).isEqualTo("50,1,197,16");
        assertThat(value(DocumentType.DENIAL_LETTER, letter, Field.RARC_CODES)).isEqualTo("N30,M127");
    }

    @Test
    void aLetterWithoutCodesHasNoCodeFields() {
        String letter = "Reason for our decision: the service is not covered. Call 1-800-555-0100. Suite 210, Denver, CO 80202.\n";

        assertThat(field(DocumentType.DENIAL_LETTER, letter, Field.CARC_CODES)).isEmpty();
        assertThat(field(DocumentType.DENIAL_LETTER, letter, Field.RARC_CODES)).isEmpty();
    }

    @Test
    void labelsInTheirManySpellings() {
        String letter = """
                Subscriber #:   961 447 203-01
                Pt. Acct #:     CCP-0049217
                ICN 0226015118240
                Rendering NPI:  2533314789
                Auth #: A77340912
                """;

        Map<Field, String> values = values(DocumentType.DENIAL_LETTER, letter);
        assertThat(values).containsEntry(Field.MEMBER_ID, "961 447 203-01")
                .containsEntry(Field.PATIENT_ACCOUNT_NUMBER, "CCP-0049217")
                .containsEntry(Field.CLAIM_NUMBER, "0226015118240")
                .containsEntry(Field.NPI, "2533314789")
                .containsEntry(Field.AUTHORIZATION_NUMBER, "A77340912");
        assertThat(field(DocumentType.DENIAL_LETTER, letter, Field.NPI).orElseThrow().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void valueOnTheLineAfterItsLabelOrInTheColumnUnderIt() {
        String invoice = """
                MERIDIAN MEDICAL SUPPLY CO.
                Remit payment to:
                Meridian Medical Supply Co.
                PO Box 660114

                Invoice No.     Invoice Date     PO Number
                MMS-0418832     02/03/2026       4500219876
                """;

        Map<Field, String> values = values(DocumentType.SUPPLIER_INVOICE, invoice);
        assertThat(values).containsEntry(Field.SUPPLIER, "Meridian Medical Supply Co.")
                .containsEntry(Field.INVOICE_NUMBER, "MMS-0418832")
                .containsEntry(Field.PO_NUMBER, "4500219876");
    }

    @Test
    void ocrSlipsInsideNumbersAreRepaired() {
        String letter = """
                Date Mai1ed:  O8/O4/2O25
                NPl:  l234567893
                Billed ........... $l8,4O6.55
                """;

        Map<Field, String> values = values(DocumentType.DENIAL_LETTER, letter);
        assertThat(values).containsEntry(Field.NPI, "1234567893").containsEntry(Field.BILLED_AMOUNT, "18406.55");
        assertThat(value(DocumentType.CREDENTIAL_EXPIRY, "Expiration:     09/30/2O25\n", Field.EXPIRY_DATE)).isEqualTo("2025-09-30");
    }

    @Test
    void appealDeadlineWithinNDaysIsCountedFromTheLettersOwnDate() {
        String letter = """
                Aetna
                PO Box 14079

                February 9, 2026

                Claim number: EM2026011800423

                PEER-TO-PEER: call us within 14 days of this notice to discuss the decision with a reviewer.

                If you disagree, you may appeal. Send your written appeal within 60 days of the date of this letter.
                """;

        ExtractedField deadline = field(DocumentType.DENIAL_LETTER, letter, Field.APPEAL_DEADLINE).orElseThrow();
        assertThat(deadline.value()).isEqualTo("2026-04-10");
        assertThat(deadline.evidence()).contains("2026-02-09").contains("60 days");
    }

    @Test
    void anExplicitAppealDateWinsOverACountedOne() {
        String letter = """
                Date: 01/15/2026

                APPEAL RIGHTS
                Your request must be received within 120 days from the date you receive this notice, so your request
                must reach us no later than 05/20/2026.
                """;

        assertThat(value(DocumentType.DENIAL_LETTER, letter, Field.APPEAL_DEADLINE)).isEqualTo("2026-05-20");
    }

    @Test
    void recordsRequestResponseDueAndCredentialExpiry() {
        String request = "March 2, 2026\n\nPlease submit the requested records no later than April 1, 2026.\n";
        assertThat(value(DocumentType.MEDICAL_RECORDS_REQUEST, request, Field.RESPONSE_DUE)).isEqualTo("2026-04-01");

        String notice = "January 12, 2026\n\nYour registration will expire on March 31, 2026. Renew by the expiration date.\n";
        assertThat(value(DocumentType.CREDENTIAL_EXPIRY, notice, Field.EXPIRY_DATE)).isEqualTo("2026-03-31");
    }

    @Test
    void einPrefixMustBeOneTheIrsIssues() {
        ExtractedField good = field(DocumentType.SUPPLIER_ONBOARDING, "Federal Tax ID: 84-3390217\n", Field.TAX_ID).orElseThrow();
        ExtractedField bad = field(DocumentType.SUPPLIER_ONBOARDING, "EIN: 07-1234567\n", Field.TAX_ID).orElseThrow();
        ExtractedField spaced = field(DocumentType.SUPPLIER_ONBOARDING, "Employer identification number:  4 1 - 2 2 8 0 5 1 9\n", Field.TAX_ID)
                .orElseThrow();

        assertThat(good.valid()).isTrue();
        assertThat(good.value()).isEqualTo("84-3390217");
        assertThat(bad.valid()).isFalse();
        assertThat(bad.problem()).contains("07");
        assertThat(spaced.value()).isEqualTo("41-2280519");
    }

    @Test
    void payerFromALabelOnBehalfOfOrAKnownName() {
        assertThat(value(DocumentType.PRIOR_AUTH_DETERMINATION, "eviCore healthcare\n\nHealth Plan: Cigna Healthcare\n", Field.PAYER))
                .isEqualTo("Cigna Healthcare");
        assertThat(value(DocumentType.PRIOR_AUTH_DETERMINATION, "HealthHelp\n0n beha1f of WellCare of Kentucky (Medicaid)\n", Field.PAYER))
                .startsWith("WellCare of Kentucky");
        assertThat(value(DocumentType.DENIAL_LETTER, "BlueCross BlueShield of Texas        PROVIDER VOUCHER\nP.O. Box 660044\n", Field.PAYER))
                .isEqualTo("BlueCross BlueShield of Texas");
    }

    @Test
    void supplierFromTheLetterheadIsOnlyAGuess() {
        ExtractedField supplier = field(DocumentType.SUPPLIER_INVOICE, "GREAT PLAINS FOODSERVICE\n9800 F Street, Omaha NE\n", Field.SUPPLIER)
                .orElseThrow();

        assertThat(supplier.value()).isEqualTo("GREAT PLAINS FOODSERVICE");
        assertThat(supplier.confidence()).isBetween(0.4, 0.6);
    }

    @Test
    void aFieldTheTextDoesNotStateIsNotReturned() {
        String letter = "Member ID: W238471956\nClaim number: EM2026011800423\n";

        List<ExtractedField> fields = extractor.extract(DocumentType.DENIAL_LETTER, letter);
        assertThat(fields).extracting(ExtractedField::field).containsExactly(Field.MEMBER_ID, Field.CLAIM_NUMBER);
        assertThat(extractor.extract(DocumentType.OTHER, letter)).isEmpty();
        assertThat(extractor.extract(DocumentType.DENIAL_LETTER, "")).isEmpty();
    }

    @Test
    void everyValueCarriesItsSourceLine() {
        for (ExtractedField f : extractor.extract(DocumentType.DENIAL_LETTER, "Claim No.: 2026-0219-884310-00\nBilled: $312.00\n")) {
            assertThat(f.evidence()).isNotBlank();
            assertThat(f.confidence()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aSentenceWrappedToStartWithANumber_afterARemarkLine_isNotACarcCode() {
        // PDF text has no blank lines: the appeal sentence's "180 days" wraps right under the remark code
        String text = "Adjustment reason: CO-197 Precertification absent.\nRemark code: N54.\n"
                + "If you disagree you may appeal. Your appeal must be received within\n180 days of the date of this notice.\n";

        assertThat(value(DocumentType.DENIAL_LETTER, text, Field.CARC_CODES)).isEqualTo("197");
    }

    private Map<Field, String> values(DocumentType type, String text) {
        Map<Field, String> out = new java.util.EnumMap<>(Field.class);
        extractor.extract(type, text).forEach(f -> out.put(f.field(), f.value()));
        return out;
    }
}
