package health.ordo.adapter.claims.fhir;

import health.ordo.adapter.claims.codes.AppealDeadlineRule;
import health.ordo.adapter.outbound.GuardedHttp;
import health.ordo.spi.Cursor;
import health.ordo.spi.PullResult;
import health.ordo.spi.http.OutboundPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On the connector path as on the inbound one, a ClaimResponse the payer cancels closes the denial it reversed. */
class FhirClaimsSourceReversalTest {

    @Test
    void aCancelledClaimResponse_isAClosureOfItsDenial_notADroppedRecord() throws Exception {
        try (FakeFhirServer payer = new FakeFhirServer(ClaimResponseMapperTest.FHIR)) {
            payer.addValidRecords(2);
            FhirClaimsSource source = new FhirClaimsSource(payer.base(), null, ClaimResponseMapperTest.FHIR, new AppealDeadlineRule(90, Map.of()),
                    Clock.systemUTC(), new GuardedHttp(OutboundPolicy.allowing("127.0.0.1/32")));

            PullResult first = source.pull(Cursor.START, 10);
            payer.cancel("CR-1001");
            PullResult second = source.pull(first.next(), 10);

            assertThat(first.commands()).hasSize(2);
            assertThat(second.commands()).isEmpty();
            assertThat(second.closures()).singleElement().satisfies(closure -> {
                assertThat(closure.externalId()).isEqualTo(first.commands().get(0).externalId());
                assertThat(closure.reason()).contains("ClaimResponse/CR-1001").contains("cancelled");
            });
        }
    }
}
