package health.ordo.adapter.claims.fhir;

import ca.uhn.fhir.context.FhirContext;
import health.ordo.adapter.claims.JudgingReader;
import health.ordo.application.service.claims.ClaimFinding;
import health.ordo.domain.claims.AppealDeadlineRule;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FHIR R4 ClaimResponse fixtures parsed by HAPI and mapped to denials, routine claims, reversals and rejections. */
class ClaimResponseMapperTest {

    static final FhirContext FHIR = FhirContext.forR4();
    private final FhirJson json = new FhirJson(FHIR);
    private final Judging mapper = new Judging(new AppealDeadlineRule(90, Map.of("87726", 180)));

    /** The mapper with Ordo's claims rules after it, as the remittance ingestion applies them. */
    private static final class Judging {
        private final ClaimResponseMapper mapper = new ClaimResponseMapper();
        private final JudgingReader rules;

        Judging(AppealDeadlineRule rule) {
            this.rules = new JudgingReader(rule);
        }

        ClaimFinding map(ClaimResponse response) {
            return rules.judge(mapper.map(response));
        }
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ClaimResponseMapperTest.class.getResourceAsStream("/fhir/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void outcomeError_isAClaimDenial_withPayerCodesAmountsAndThePayersAppealLimit() throws IOException {
        ClaimFinding finding = mapper.map((ClaimResponse) json.parse(fixture("claimresponse-denied.json")));

        assertThat(finding.kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        var content = finding.content();
        assertThat(content.source().system()).isEqualTo("fhir-claimresponse");
        assertThat(content.source().externalId()).isEqualTo("http://hl7.org/fhir/sid/us-npi|87726:UHC-2026-7001");
        assertThat(content.moneyAtStake().value()).isEqualByComparingTo("2450.00");
        assertThat(content.attributes().values()).containsEntry("payer", "UnitedHealthcare").containsEntry("payerId", "87726").containsEntry("carc", "197")
                .containsEntry("denialCategory", "AUTHORIZATION").containsEntry("outcome", "error")
                .containsEntry("claimResponse", "ClaimResponse/CR-7001").containsEntry("patientReference", "Patient/pat-4471")
                .containsEntry("appealLimitDays", BigDecimal.valueOf(180)).containsEntry("remitDate", "2026-11-20");
        assertThat(content.hardDeadlineAt()).isEqualTo(Instant.parse("2027-05-19T23:59:59Z"));
    }

    @Test
    void bundle_mapsLineDenials_leavesRoutineAdjudicationsAlone_andRejectsAnEntryWithoutInsurer() throws IOException {
        Bundle bundle = (Bundle) json.parse(fixture("bundle-mixed.json"));
        List<ClaimResponse> responses = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).toList();

        ClaimFinding partial = mapper.map(responses.get(0));
        ClaimFinding routine = mapper.map(responses.get(1));
        ClaimFinding timely = mapper.map(responses.get(3));

        assertThat(partial.kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(partial.content().moneyAtStake().value()).as("only the denied line").isEqualByComparingTo("1200.00");
        assertThat(partial.content().attributes().values()).containsEntry("denialCategory", "MEDICAL_NECESSITY")
                .containsEntry("rarcCodes", "N115").containsEntry("deniedLines", BigDecimal.ONE)
                .containsEntry("serviceLines", BigDecimal.valueOf(2)).containsEntry("adjustmentCodes", "1,50");
        assertThat(routine.kind()).as("CO-45 and a co-payment only").isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThat(timely.content().attributes().values()).containsEntry("denialCategory", "TIMELY_FILING");
        assertThat(timely.content().moneyAtStake().value()).isEqualByComparingTo("150.00");
        assertThatThrownBy(() -> mapper.map(responses.get(2))).isInstanceOf(ClaimResponseMapper.Unmappable.class)
                .satisfies(e -> assertThat(((ClaimResponseMapper.Unmappable) e).expression).isEqualTo("ClaimResponse.insurer"));
    }

    @Test
    void cancelledResponse_reversesTheItemOfTheSameResponse() throws IOException {
        ClaimFinding denied = mapper.map((ClaimResponse) json.parse(fixture("claimresponse-denied.json")));
        ClaimFinding cancelled = mapper.map((ClaimResponse) json.parse(fixture("claimresponse-cancelled.json")));

        assertThat(cancelled.kind()).isEqualTo(ClaimFinding.Kind.REVERSAL);
        assertThat(cancelled.original()).isEqualTo(denied.content().source());
    }

    @Test
    void invalidResource_listsEveryIssueWithItsLocation() throws IOException {
        byte[] invalid = fixture("claimresponse-invalid.json");

        assertThatThrownBy(() -> json.parse(invalid)).isInstanceOf(InvalidFhirResourceException.class)
                .satisfies(e -> assertThat(((InvalidFhirResourceException) e).issues())
                        .extracting(InvalidFhirResourceException.Issue::message)
                        .anySatisfy(d -> assertThat(d).contains("payerNotes"))
                        .anySatisfy(d -> assertThat(d).contains("the 20th of November")));
        assertThatThrownBy(() -> json.parse("{\"resourceType\": ".getBytes())).isInstanceOf(InvalidFhirResourceException.class);
    }

    @Test
    void aLinePaidInFull_isNoDenial_whateverProprietaryCodeExplainsIt() throws IOException {
        ClaimFinding finding = mapper.map((ClaimResponse) json.parse(fixture("claimresponse-paid-in-full.json")));

        assertThat(finding.kind()).isEqualTo(ClaimFinding.Kind.ROUTINE);
    }

    @Test
    void aReducedBenefit_putsTheUnpaidPartAtStake_notThePayment() throws IOException {
        ClaimFinding finding = mapper.map((ClaimResponse) json.parse(fixture("claimresponse-plan-limit.json")));

        assertThat(finding.kind()).isEqualTo(ClaimFinding.Kind.DENIAL);
        assertThat(finding.content().moneyAtStake().value()).as("eligible 135.57 - copay 10.00 - benefit 90.47")
                .isEqualByComparingTo("35.10");
        assertThat(finding.content().attributes().values()).containsEntry("carc", "ar002").containsEntry("deniedLines", BigDecimal.ONE);
    }

    @Test
    void payersSharingAnIdentifierValueOrAnId_areTwoPayers() throws IOException {
        List<String> identities = List.of("contained-payer-a.json", "contained-payer-b.json", "absref-payer-c.json", "absref-payer-d.json")
                .stream().map(name -> {
                    try {
                        return mapper.map((ClaimResponse) json.parse(fixture(name))).content().source().externalId();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();

        assertThat(identities).doesNotHaveDuplicates()
                .contains("Payer A:100045", "https://payer-c.example.org/fhir/Organization/1:1");
    }

    @Test
    void aPayersOwnCodes_denyNothing_andAnUnusableAmountNamesItsElement() throws IOException {
        ClaimResponse proprietary = (ClaimResponse) json.parse(fixture("claimresponse-paid-in-full.json"));
        proprietary.getItemFirstRep().getAdjudication().get(1).getAmount().setValue(new BigDecimal("120"));
        proprietary.addAdjudication().setCategory(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(
                        new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/adjudication", "benefit", null)))
                .setReason(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(
                        new org.hl7.fhir.r4.model.Coding("https://payer.example.org/CodeSystem/explanation-codes", "CR10", null)));
        ClaimResponse lowerCase = (ClaimResponse) json.parse(fixture("claimresponse-plan-limit.json"));
        lowerCase.getItemFirstRep().getAdjudication().forEach(a -> a.getAmount().setCurrency("usd"));

        assertThat(mapper.map(proprietary).kind()).isEqualTo(ClaimFinding.Kind.ROUTINE);
        assertThatThrownBy(() -> mapper.map(lowerCase)).isInstanceOfSatisfying(ClaimResponseMapper.Unmappable.class,
                e -> assertThat(e.expression).isEqualTo("ClaimResponse.item.adjudication.amount"));
    }

    @Test
    void aResponseKnownOnlyByTheProvidersClaimNumber_keepsThatNumberOutOfItsTitleAndExternalId() throws IOException {
        ClaimResponse response = (ClaimResponse) json.parse(fixture("claimresponse-denied.json"));
        response.setIdentifier(new java.util.ArrayList<>());
        response.setId((String) null);
        response.getRequest().setReference(null).setIdentifier(new org.hl7.fhir.r4.model.Identifier().setValue("ACCT-55511234"));

        ClaimFinding finding = mapper.map(response);

        assertThat(finding.content().title()).doesNotContain("ACCT-55511234");
        assertThat(finding.content().source().externalId()).doesNotContain("ACCT-55511234").contains(":pcn-")
                .isEqualTo(mapper.map(response).content().source().externalId());
        assertThat(finding.content().attributes().values().values()).doesNotContain("ACCT-55511234");
    }
}
