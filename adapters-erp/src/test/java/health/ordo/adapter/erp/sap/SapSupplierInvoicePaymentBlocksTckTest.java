package health.ordo.adapter.erp.sap;

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

/** The SAP S/4HANA payment-block adapter passes the partner TCK against OData V2 over real HTTP. */
class SapSupplierInvoicePaymentBlocksTckTest extends SourceAdapterContract {

    private final List<FakeSapS4> servers = new ArrayList<>();

    static SapSupplierInvoicePaymentBlocks adapter(FakeSapS4 fake) {
        return new SapSupplierInvoicePaymentBlocks(fake.base(), new ErpHttp(new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32")), Auth.basic("ORDO_COMM", "secret"),
                Clock.systemUTC()), new SupplierCriticality(Set.of("17300001"), Set.of(), Set.of()), Map.of("A", "Blocked for payment"),
                Set.of("RELEASED", "APPROVED", "CORRECTED"));
    }

    @Override
    protected SourceFixture newFixture() {
        try {
            FakeSapS4 fake = new FakeSapS4();
            servers.add(fake);
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceAdapter newAdapter(SourceFixture fixture) {
        return adapter((FakeSapS4) fixture);
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeSapS4::close);
    }
}
