package health.ordo.examples.dynamics;

import health.ordo.spi.SourceAdapter;
import health.ordo.tck.SourceAdapterContract;
import health.ordo.tck.SourceFixture;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The example partner adapter passes the adapter TCK against a local stand-in of Dynamics 365. */
class DynamicsInvoiceHoldAdapterTckTest extends SourceAdapterContract {

    private FakeDynamics dynamics;

    @Override
    protected SourceFixture newFixture() {
        try {
            dynamics = new FakeDynamics();
            return dynamics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceAdapter newAdapter(SourceFixture fixture) {
        return new DynamicsInvoiceHoldAdapter(((FakeDynamics) fixture).base(), "usmf", () -> "test-token",
                new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")));
    }

    @AfterEach
    void stop() {
        if (dynamics != null) {
            dynamics.close();
        }
    }
}
