package health.ordo.adapter.claims.x12;

import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.adapter.claims.ClaimFinding;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Remittance835ReaderTest {

    private final Remittance835Reader reader = new Remittance835Reader(new AppealDeadlineRule(90, Map.of("60054", 180)));

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Remittance835ReaderTest.class.getResourceAsStream("/x12/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, ClaimFinding> byClaim(Remittance835Reader.Remittance remittance) {
        return remittance.claims().stream().collect(Collectors.toMap(ClaimFinding::claimRef, c -> c));
    }

    @Test
    void multiPayerFile_yieldsDenialsForClaimAndLineLevelDenials_andNothingForRoutineAdjustments() throws IOException {
        Remittance835Reader.Remittance remittance = reader.read(fixture("multi-payer.835"));
        Map<String, ClaimFinding> claims = byClaim(remittance);

        assertThat(remittance.interchanges()).isEqualTo(1);
        assertThat(remittance.claims()).hasSize(6);
        assertThat(claims.get("PCN10001").kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(claims.get("PCN10002").kind()).as("CO-45, PR-1, PR-2 only").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCN10003").kind()).as("line-level CO-50").isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(claims.get("PCN10004").kind()).as("claim-level CO-16 next to CO-45").isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(claims.get("PCN20001").kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(claims.get("PCN20002").kind()).as("OA-23 and PR-2").isEqualTo(ClaimFinding.Kind.ROUTINE);
    }

    @Test
    void denial_carriesPayerCodesCategoryAmountsAndAnAppealDeadline() throws IOException {
        Map<String, ClaimFinding> claims = byClaim(reader.read(fixture("multi-payer.835")));

        var authorization = claims.get("PCN10001").content();
        assertThat(authorization.source().externalId()).isEqualTo("60054:AET9001001");
        assertThat(authorization.moneyAtStake().value()).isEqualByComparingTo("1200.00");
        assertThat(authorization.attributes().values()).containsEntry("payer", "AETNA").containsEntry("carc", "197")
                .containsEntry("denialCategory", "AUTHORIZATION").containsEntry("traceNumber", "AET20261118001")
                .containsEntry("deniedCodes", "CO-197").containsEntry("appealLimitDays", BigDecimal.valueOf(180));
        assertThat(authorization.hardDeadlineAt()).isEqualTo(Instant.parse("2027-05-17T23:59:59Z"));

        var medicalNecessity = claims.get("PCN10003").content();
        assertThat(medicalNecessity.moneyAtStake().value()).isEqualByComparingTo("1600.00");
        assertThat(medicalNecessity.attributes().values()).containsEntry("denialCategory", "MEDICAL_NECESSITY")
                .containsEntry("rarcCodes", "N115").containsEntry("serviceLines", BigDecimal.valueOf(2));

        var missingInfo = claims.get("PCN10004").content();
        assertThat(missingInfo.moneyAtStake().value()).isEqualByComparingTo("300.00");
        assertThat(missingInfo.attributes().values()).containsEntry("adjustmentCodes", "CO-16,CO-45")
                .containsEntry("rarcCodes", "MA130,N362");

        var timelyFiling = claims.get("PCN20001").content();
        assertThat(timelyFiling.attributes().values()).containsEntry("denialCategory", "TIMELY_FILING")
                .containsEntry("appealLimitDays", BigDecimal.valueOf(120));
        assertThat(timelyFiling.attributes().values().toString()).doesNotContain("KOE", "LEE");
    }

    @Test
    void reversal_pointsAtTheOriginalClaim() throws IOException {
        List<ClaimFinding> claims = reader.read(fixture("reversal.835")).claims();

        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClaimFinding.Kind.REVERSAL);
            assertThat(c.original().externalId()).isEqualTo("60054:AET9001001");
        });
    }

    @Test
    void oneBadClaim_isRejectedWithItsReason_goodOnesKept_andEnvelopeDefectsAreWarnings() throws IOException {
        Remittance835Reader.Remittance remittance = reader.read(fixture("one-bad-claim.835"));
        Map<String, ClaimFinding> claims = byClaim(remittance);

        assertThat(claims.get("PCN30001").kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(claims.get("PCN30002").kind()).isEqualTo(ClaimFinding.Kind.REJECTED);
        assertThat(claims.get("PCN30002").reason()).contains("CLP03");
        assertThat(claims.get("PCN30003").content().attributes().values()).containsEntry("denialCategory", "NON_COVERED");
        assertThat(remittance.warnings()).anySatisfy(w -> assertThat(w).contains("SE segment count 99"))
                .anySatisfy(w -> assertThat(w).contains("IEA02 000000999 does not match ISA13 000000125"));
    }

    @Test
    void unreadableEnvelope_isRefusedNamingTheSegment() {
        assertThatThrownBy(() -> reader.read("HELLO*this is not an X12 interchange~".getBytes()))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.location()).isEqualTo("ISA");
                    assertThat(e.getMessage()).contains("segment 1, position 0");
                });
    }

    @Test
    void claimPaidBelowTheAllowedAmount_isAnUnderpayment_andOnePaidInFullIsRoutine() throws IOException {
        Map<String, ClaimFinding> claims = byClaim(reader.read(fixture("underpayment.835")));

        var underpaid = claims.get("PCN40001").content();
        assertThat(underpaid.type()).isEqualTo(health.ordo.domain.workitem.WorkItemType.UNDERPAYMENT);
        assertThat(underpaid.moneyAtStake().value()).as("allowed 700 - coinsurance 80 - paid 420").isEqualByComparingTo("200.00");
        assertThat(underpaid.attributes().values()).containsEntry("allowedAmount", new BigDecimal("900"))
                .containsEntry("underpaidAmount", new BigDecimal("200")).containsEntry("payer", "UNITEDHEALTHCARE");
        assertThat(claims.get("PCN40002").kind()).as("allowed 320 - copay 25 = 295 paid").isEqualTo(ClaimFinding.Kind.ROUTINE);
    }
}
