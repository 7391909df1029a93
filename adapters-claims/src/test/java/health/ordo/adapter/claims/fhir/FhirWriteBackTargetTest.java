package health.ordo.adapter.claims.fhir;

import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.application.service.writeback.SourceWriteBackTarget;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.WorkItemId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A claims system's FHIR server that refuses a Task (4xx) is a refusal the outbox counts; one that is down is an outage. */
class FhirWriteBackTargetTest {

    private final FakeFhirServer server = new FakeFhirServer(ClaimResponseMapperTest.FHIR);
    private final WriteBackTargetPort target = new SourceWriteBackTarget(Set.of("fhir-claimresponse", "x12-835"),
            new FhirClaimsSource(server.base(), null, ClaimResponseMapperTest.FHIR, Clock.systemUTC(),
                    new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32"))), "not configured");
    private final WriteBack writeBack = new WriteBack(UUID.randomUUID(), TenantId.of("demo"), new WorkItemId(UUID.randomUUID()),
            "fhir-claimresponse", "87726:CR-1", "APPEALED", null, "key-1", WriteBack.Status.PENDING, 0, Instant.now(), null,
            Instant.now(), null, null);

    FhirWriteBackTargetTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRefusal_isRefused_anOutageFailed_andThenItApplies() {
        server.refuseNextCalls(1);
        WriteBackTargetPort.Delivery refused = target.deliver(writeBack);
        server.failNextCalls(1);
        WriteBackTargetPort.Delivery down = target.deliver(writeBack);
        WriteBackTargetPort.Delivery applied = target.deliver(writeBack);

        assertThat(refused.status()).isEqualTo(WriteBackTargetPort.Delivery.Status.REFUSED);
        assertThat(refused.detail()).contains("422");
        assertThat(down.status()).isEqualTo(WriteBackTargetPort.Delivery.Status.FAILED);
        assertThat(applied.status()).isEqualTo(WriteBackTargetPort.Delivery.Status.APPLIED);
    }
}
