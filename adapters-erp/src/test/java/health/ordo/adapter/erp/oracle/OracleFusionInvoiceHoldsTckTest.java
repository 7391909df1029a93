package health.ordo.adapter.erp.oracle;

import health.ordo.spi.http.Auth;
import health.ordo.adapter.erp.http.ErpHttp;
import health.ordo.adapter.erp.http.SupplierCriticality;
import health.ordo.spi.SourceAdapter;
import health.ordo.tck.SourceAdapterContract;
import health.ordo.tck.SourceFixture;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Oracle Fusion invoice-hold adapter passes the partner TCK against Fusion-shaped REST over real HTTP. */
class OracleFusionInvoiceHoldsTckTest extends SourceAdapterContract {

    private final List<FakeOracleFusion> servers = new ArrayList<>();

    static OracleFusionInvoiceHolds adapter(FakeOracleFusion fake) {
        return new OracleFusionInvoiceHolds(fake.base(), new ErpHttp(new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")), Auth.basic("ap.user", "secret"), Clock.systemUTC()),
                new SupplierCriticality(Set.of(), Set.of("Baxter Healthcare"), Set.of()), Set.of("RELEASED"), Map.of());
    }

    @Override
    protected SourceFixture newFixture() {
        try {
            FakeOracleFusion fake = new FakeOracleFusion();
            servers.add(fake);
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceAdapter newAdapter(SourceFixture fixture) {
        return adapter((FakeOracleFusion) fixture);
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeOracleFusion::close);
    }
}
