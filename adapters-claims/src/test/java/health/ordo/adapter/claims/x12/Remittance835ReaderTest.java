package health.ordo.adapter.claims.x12;

import health.ordo.adapter.claims.JudgingReader;
import health.ordo.application.service.claims.ClaimFinding;
import health.ordo.domain.claims.AppealDeadlineRule;
import health.ordo.spi.MalformedDocumentException;
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

    private final JudgingReader reader = new JudgingReader(new Remittance835Reader(), new AppealDeadlineRule(90, Map.of("60054", 180)));

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Remittance835ReaderTest.class.getResourceAsStream("/x12/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, ClaimFinding> byClaim(JudgingReader.Judged remittance) {
        return remittance.claims().stream().collect(Collectors.toMap(ClaimFinding::claimRef, c -> c));
    }

    @Test
    void multiPayerFile_yieldsDenialsForClaimAndLineLevelDenials_andNothingForRoutineAdjustments() throws IOException {
        JudgingReader.Judged remittance = reader.read(fixture("multi-payer.835"));
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
        JudgingReader.Judged remittance = reader.read(fixture("one-bad-claim.835"));
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
                .isInstanceOfSatisfying(MalformedDocumentException.class, e -> {
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

    @Test
    void claimsAreToldApartBySegmentIdsAlone_anOffListFilingIndicatorMergesNothing() throws IOException {
        JudgingReader.Judged remittance = reader.read(fixture("payer-variations.835"));
        Map<String, ClaimFinding> claims = byClaim(remittance);

        assertThat(remittance.claims()).hasSize(11);
        var first = claims.get("PCNV1").content();
        assertThat(first.moneyAtStake().value()).isEqualByComparingTo("250.00");
        assertThat(first.attributes().values()).containsEntry("deniedCodes", "CO-16").containsEntry("serviceLines", BigDecimal.valueOf(2))
                .containsEntry("rarcCodes", "MA130,N290");
        var commercial = claims.get("PCNV2").content();
        assertThat(commercial.moneyAtStake().value()).as("CLP06 = CI, not on the 5010 list").isEqualByComparingTo("800.00");
        assertThat(commercial.attributes().values()).containsEntry("deniedCodes", "CO-29").containsEntry("denialCategory", "TIMELY_FILING");
        assertThat(claims.get("PCNV3").content().attributes().values()).containsEntry("deniedCodes", "CO-18");
    }

    @Test
    void paymentBelowAllowedExplainedBySequestrationOrAPriorPayer_isNoUnderpayment_anUnexplainedGapIs() throws IOException {
        Map<String, ClaimFinding> claims = byClaim(reader.read(fixture("payer-variations.835")));

        assertThat(claims.get("PCNV4").kind()).as("allowed 500 = coinsurance 100 + sequestration 8 + paid 392").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNV5").kind()).as("secondary: allowed 200 = prior payer 150 + paid 50").isEqualTo(ClaimFinding.Kind.ROUTINE);
        var underpaid = claims.get("PCNV6").content();
        assertThat(underpaid.type()).isEqualTo(health.ordo.domain.workitem.WorkItemType.UNDERPAYMENT);
        assertThat(underpaid.moneyAtStake().value()).as("allowed 200, paid 100, nothing explains the rest").isEqualByComparingTo("100.00");
    }

    @Test
    void forwardedPredeterminedCapitatedAndDiscountedClaims_createNothing_aDeniedClaimNamesItsRoutineCode() throws IOException {
        Map<String, ClaimFinding> claims = byClaim(reader.read(fixture("payer-variations.835")));

        assertThat(claims.get("PCNV7").kind()).as("CLP02 = 23").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNV7").reason()).contains("forwarded");
        assertThat(claims.get("PCNV8").kind()).as("CLP02 = 25").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNV9").kind()).as("CO-24 capitation").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNV10").kind()).as("CO-131 negotiated discount").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNV11").content().attributes().values()).containsEntry("carc", "45").containsEntry("rarcCodes", "MA01")
                .containsEntry("carcDescription", "Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement");
    }

    @Test
    void providerLevelAdjustments_areReported_andTheSegmentCountHolds() throws IOException {
        JudgingReader.Judged remittance = reader.read(fixture("payer-variations.835"));

        assertThat(remittance.warnings()).anySatisfy(w -> assertThat(w).contains("PLB at segment 55").contains("L6 (PCNV1) -2.50")
                .contains("WO (26001) 150.00"));
        assertThat(remittance.warnings()).noneSatisfy(w -> assertThat(w).contains("SE segment count"));
    }

    @Test
    void aNewlineAsSegmentTerminator_andAUtf8PayerName_areRead() {
        JudgingReader.Judged remittance = reader.read(oneDeniedClaim('\n', "DTM*405*20261115", "N1*PR*SANTÉ PEÑA*XV*55555"));

        assertThat(remittance.claims()).singleElement().satisfies(c -> assertThat(c.content().attributes().values())
                .containsEntry("payer", "SANTÉ PEÑA").containsEntry("payerId", "55555").containsEntry("deniedCodes", "CO-50"));
        assertThat(remittance.warnings()).isEmpty();
    }

    @Test
    void anUnreadableProductionDate_fallsBackToThePaymentDate_withAWarning() {
        JudgingReader.Judged remittance = reader.read(oneDeniedClaim('~', "DTM*405*20261341", "N1*PR*ACME*XV*55555"));

        assertThat(remittance.claims()).singleElement().satisfies(c -> assertThat(c.content().attributes().values())
                .containsEntry("remitDate", "2026-11-18"));
        assertThat(remittance.warnings()).anySatisfy(w -> assertThat(w).contains("DTM at segment 6").contains("'20261341' is not a date"));
    }

    @Test
    void aTransactionWithoutSe_aTruncatedFile_andAFileWithout835_areRefusedNamingTheSegment() {
        String header = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", "LX*1", "CLP*PCNN1*4*100*0*0*12*N1*11*1");
        String noSe = header + "~GE*1*7~IEA*1*000000007~";
        String truncated = header + "~CAS*CO*50*100~SE*7*0001~GE*1*7";
        String trailing = header + "~CAS*CO*50*100~SE*7*0001~GE*1*7~IEA*1*000000007~END OF FILE REPORT";
        String claim837 = String.join("~", isa(), "GS*HC*CH*PROV*20261120*1200*7*X*005010X222A1", "ST*837*0001*005010X222A1",
                "BHT*0019*00*1*20261120*1200*CH", "SE*3*0001", "GE*1*7", "IEA*1*000000007") + "~";

        assertThatThrownBy(() -> reader.read(noSe.getBytes())).isInstanceOfSatisfying(MalformedDocumentException.class, e -> {
            assertThat(e.location()).isEqualTo("SE");
            assertThat(e.getMessage()).contains("ST at segment 3").contains("no SE before GE at segment 8");
        });
        assertThatThrownBy(() -> reader.read(truncated.getBytes())).isInstanceOfSatisfying(MalformedDocumentException.class, e -> {
            assertThat(e.location()).isEqualTo("IEA");
            assertThat(e.getMessage()).contains("incomplete");
        });
        assertThatThrownBy(() -> reader.read(trailing.getBytes())).isInstanceOfSatisfying(MalformedDocumentException.class,
                e -> assertThat(e.getMessage()).contains("what follows the IEA at segment 11 is not another ISA interchange"));
        assertThatThrownBy(() -> reader.read(claim837.getBytes())).isInstanceOfSatisfying(MalformedDocumentException.class, e -> {
            assertThat(e.location()).isEqualTo("ST");
            assertThat(e.getMessage()).contains("no 835").contains("transaction set 837");
        });
    }

    @Test
    void claimsAreHandedOnOneByOneInFileOrder_andAFileRefusedAsAWholeHandsNothingOn() throws IOException {
        List<String> streamed = new java.util.ArrayList<>();
        Remittance835Reader streaming = new Remittance835Reader();

        var advice = streaming.stream(fixture("multi-payer.835"), claim -> streamed.add(claim.claimRef()));
        String header = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", "LX*1", "CLP*PCNT1*4*100*0*0*12*T1*11*1",
                "CAS*CO*50*100", "CLP*PCNT2*4*100*0*0*12*T2*11*1", "CAS*CO*50*100");
        List<String> fromTruncated = new java.util.ArrayList<>();

        assertThat(streamed).containsExactly("PCN10001", "PCN10002", "PCN10003", "PCN10004", "PCN20001", "PCN20002");
        assertThat(advice.claims()).as("streamed claims are not also held").isEmpty();
        assertThat(advice.documents()).isEqualTo(1);
        assertThatThrownBy(() -> streaming.stream((header + "~SE*9*0001~GE*1*7").getBytes(), claim -> fromTruncated.add(claim.claimRef())))
                .isInstanceOf(MalformedDocumentException.class);
        assertThat(fromTruncated).as("the envelope is checked before any claim is handed on").isEmpty();
    }

    @Test
    void anUnreadableAdjustmentAmount_rejectsThatClaimOnly_namingElementAndSegment() {
        String file = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", "N1*PR*ACME*XV*55555", "LX*1",
                "CLP*PCNA*4*100*0*0*12*A*11*1", "CAS*CO*50*1O0", "CLP*PCNB*4*100*0*0*12*B*11*1", "CAS*CO*50*100",
                "SE*11*0001", "GE*1*7", "IEA*1*000000007") + "~";

        Map<String, ClaimFinding> claims = byClaim(reader.read(file.getBytes()));

        assertThat(claims.get("PCNA").kind()).isEqualTo(ClaimFinding.Kind.REJECTED);
        assertThat(claims.get("PCNA").reason()).contains("CAS03 '1O0' at segment 9 is not an amount");
        assertThat(claims.get("PCNB").kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
    }

    /** One interchange with one CO-50 denial, the production date and payer segments given, ended by {@code terminator}. */
    private static byte[] oneDeniedClaim(char terminator, String productionDate, String payer) {
        String separator = String.valueOf(terminator);
        return (String.join(separator, isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", productionDate, payer, "LX*1",
                "CLP*PCNN1*4*100*0*0*12*N1*11*1", "CAS*CO*50*100", "SE*9*0001", "GE*1*7", "IEA*1*000000007") + separator)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String isa() {
        return "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*PROVIDER01     *261120*1200*^*00501*000000007*0*P*:";
    }

    @Test
    void claimLevelAdjustmentsExplainAShortfall_andDenialsWithoutMoneyOrCorrectionsDenyNothing() {
        String file = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", "N1*PR*ACME*XV*55555", "LX*1",
                "CLP*PCNC1*1*1000*600*200*12*C1*11*1", "CAS*PR*1*200", "SVC*HC:99215*1000*600**1", "CAS*CO*45*200", "AMT*B6*800",
                "CLP*PCNC2*1*500*500*0*12*C2*11*1", "CAS*CO*16*-50", "CAS*CO*16*50", "CAS*CO*18*0",
                "CLP*PCNC3*1*500*500*0*12*C3*11*1", "CAS*CR*16*50", "CAS*CR*16*-50",
                "SE*16*0001", "GE*1*7", "IEA*1*000000007") + "~";

        Map<String, ClaimFinding> claims = byClaim(reader.read(file.getBytes()));

        assertThat(claims.get("PCNC1").kind()).as("allowed 800 = claim-level deductible 200 + paid 600").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNC2").content().moneyAtStake().value()).as("only the positive CO-16").isEqualByComparingTo("50.00");
        assertThat(claims.get("PCNC3").kind()).as("CR: corrections of earlier adjustments").isEqualTo(ClaimFinding.Kind.ROUTINE);
    }

    @Test
    void noTitleOrExternalId_carriesThePatientControlNumber_evenWithoutAPayerClaimNumber() throws IOException {
        String withoutPayerClaim = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", "N1*PR*ACME*XV*55555", "LX*1",
                "CLP*ACCT99887766*4*100*0*0*12", "CAS*CO*50*100", "SE*9*0001", "GE*1*7", "IEA*1*000000007") + "~";
        List<ClaimFinding> findings = new java.util.ArrayList<>(reader.read(withoutPayerClaim.getBytes()).claims());
        for (String fixture : List.of("multi-payer.835", "underpayment.835", "payer-variations.835")) {
            findings.addAll(reader.read(fixture(fixture)).claims());
        }

        assertThat(findings).filteredOn(f -> f.content() != null).hasSizeGreaterThan(5).allSatisfy(f -> {
            assertThat(f.content().title()).doesNotContain(f.claimRef());
            assertThat(f.content().source().externalId()).doesNotContain(f.claimRef());
            assertThat(f.content().attributes().values()).containsEntry("patientControlNumber", f.claimRef());
        });
        ClaimFinding opaque = findings.get(0);
        assertThat(opaque.content().source().externalId()).startsWith("55555:pcn-")
                .isEqualTo(reader.read(withoutPayerClaim.getBytes()).claims().get(0).content().source().externalId());
    }

    @Test
    void aNulCharacterAnywhereInTheFile_isRefusedBeforeAnythingIsRead() {
        byte[] file = oneDeniedClaim('~', "DTM*405*20261118", "N1*PR*ACME*XV*55555");
        byte[] withNul = new String(file, java.nio.charset.StandardCharsets.UTF_8).replace("PCNN1", "PCN\u0000N1")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(withNul)).isInstanceOfSatisfying(MalformedDocumentException.class,
                e -> assertThat(e.getMessage()).contains("NUL"));
    }

    @Test
    void paidClaimsWithOnlyRoutineContractualAndPatientAdjustments_createNoDenial() {
        String file = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*580*C*ACH************20261118", "TRN*1*TRN1*1512345678", "N1*PR*ACME*XV*55555", "LX*1",
                "CLP*PCNR1*1*1000*580*120*12*R1*11*1", "CAS*CO*A2*300", "CAS*PR*1*100**2*20",
                "CLP*PCNR2*1*400*250*50*12*R2*11*1", "CAS*CO*45*100", "CAS*PR*3*50",
                "SE*12*0001", "GE*1*7", "IEA*1*000000007") + "~";

        Map<String, ClaimFinding> claims = byClaim(reader.read(file.getBytes()));

        assertThat(claims.get("PCNR1").kind()).as("CO-A2: a contractual adjustment, routine").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(claims.get("PCNR2").kind()).isEqualTo(ClaimFinding.Kind.ROUTINE);
    }

    @Test
    void aCodeUnknownToTheTable_makesAReviewItem_categoryUnknownCode() {
        String file = String.join("~", isa(), "GS*HP*CH*PROV*20261120*1200*7*X*005010X221A1", "ST*835*0001*005010X221A1",
                "BPR*I*0*C*NON************20261118", "TRN*1*TRN1*1512345678", "N1*PR*ACME*XV*55555", "LX*1",
                "CLP*PCNU1*4*700*0*0*12*U1*11*1", "CAS*CO*ZZ9*700", "SE*9*0001", "GE*1*7", "IEA*1*000000007") + "~";

        ClaimFinding finding = byClaim(reader.read(file.getBytes())).get("PCNU1");

        assertThat(finding.kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(finding.content().attributes().values()).containsEntry("denialCategory", "UNKNOWN_CODE");
        assertThat(finding.content().title()).contains("not in code set");
    }
}
