package health.ordo.adapter.claims.fhir;

import health.ordo.spi.SourceAdapter;
import health.ordo.tck.SourceAdapterContract;
import health.ordo.tck.SourceFixture;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The claims adapter's FHIR source passes the partner TCK against a FHIR server over real HTTP. */
class FhirClaimsSourceTckTest extends SourceAdapterContract {

    private final List<FakeFhirServer> servers = new ArrayList<>();

    @Override
    protected SourceFixture newFixture() {
        try {
            FakeFhirServer server = new FakeFhirServer(ClaimResponseMapperTest.FHIR);
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceAdapter newAdapter(SourceFixture fixture) {
        return new FhirClaimsSource(((FakeFhirServer) fixture).base(), null, ClaimResponseMapperTest.FHIR,
                Clock.systemUTC(), new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")));
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeFhirServer::close);
    }
}
