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
        return new DynamicsInvoiceHoldAdapter(((FakeDynamics) fixture).base(), "usmf", health.ordo.spi.http.Auth.bearer("test-token"),
                new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")));
    }

    @Override
    protected String connectorType() {
        return "dynamics365-invoice-holds";
    }

    @Override
    protected health.ordo.spi.plugin.ConnectorSettings connectorSettings(SourceFixture fixture) {
        return new health.ordo.spi.plugin.ConnectorSettings("d365-ap", "acme", connectorType(), ((FakeDynamics) fixture).base(),
                java.util.Map.of("company", "usmf", "auth", "bearer", "bearer-token", "test-token"),
                new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")));
    }

    @AfterEach
    void stop() {
        if (dynamics != null) {
            dynamics.close();
        }
    }
}
