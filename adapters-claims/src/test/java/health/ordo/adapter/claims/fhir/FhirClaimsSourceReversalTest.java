package health.ordo.adapter.claims.fhir;

import health.ordo.adapter.outbound.GuardedHttp;
import health.ordo.spi.Cursor;
import health.ordo.spi.PullResult;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.http.OutboundPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** On the connector path as on the inbound one, a ClaimResponse the payer cancels is a reversal of the claim it reversed. */
class FhirClaimsSourceReversalTest {

    @Test
    void aCancelledClaimResponse_isAReversalOfItsClaim_notADroppedRecord() throws Exception {
        try (FakeFhirServer payer = new FakeFhirServer(ClaimResponseMapperTest.FHIR)) {
            payer.addValidRecords(2);
            FhirClaimsSource source = new FhirClaimsSource(payer.base(), null, ClaimResponseMapperTest.FHIR,
                    Clock.systemUTC(), new GuardedHttp(OutboundPolicy.allowing("127.0.0.1/32")));

            PullResult first = source.pull(Cursor.START, 10);
            payer.cancel("CR-1001");
            PullResult second = source.pull(first.next(), 10);

            assertThat(first.payments()).hasSize(2);
            assertThat(second.payments()).singleElement().satisfies(reversal -> {
                assertThat(reversal.status()).isEqualTo(ClaimPayment.Status.REVERSED);
                assertThat(reversal.externalId()).isEqualTo(first.payments().get(0).externalId());
                assertThat(reversal.attributes()).containsEntry("claimResponse", "ClaimResponse/CR-1001");
                assertThat(reversal.note()).contains("cancelled");
            });
        }
    }
}
