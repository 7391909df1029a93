package health.ordo.adapter.hr.workday;

import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.SourceAdapter;
import health.ordo.tck.SourceAdapterContract;
import health.ordo.tck.SourceFixture;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Workday onboarding adapter passes the partner TCK against a RaaS report over real HTTP with OAuth refresh-token
 * authentication. The TCK counts one command per record, so this connector is configured with one onboarding task.
 */
class WorkdayOnboardingTckTest extends SourceAdapterContract {

    private final List<FakeWorkday> servers = new ArrayList<>();

    static WorkdayReportSource adapter(FakeWorkday fake, String tasks) {
        Map<String, String> options = new HashMap<>(Map.of("auth", "oauth-refresh-token", "token-url", fake.base() + "/ccx/oauth2/acme/token",
                "client-id", "ordo", "client-secret", "s3cret", "refresh-token", "rt-123", "write-back-url", fake.base() + "/ordo/outcomes",
                "tasks", tasks));
        return WorkdayProviders.source(new ConnectorSettings("workday-hires", "acme", "workday-onboarding",
                URI.create(fake.base() + FakeWorkday.REPORT), options, new health.ordo.adapter.outbound.GuardedHttp(health.ordo.spi.http.OutboundPolicy.allowing("127.0.0.1/32"))), ReportKind.ONBOARDING, Clock.systemUTC());
    }

    @Override
    protected SourceFixture newFixture() {
        try {
            FakeWorkday fake = new FakeWorkday();
            servers.add(fake);
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceAdapter newAdapter(SourceFixture fixture) {
        return adapter((FakeWorkday) fixture, "CREDENTIAL_VERIFICATION:-14");
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeWorkday::close);
    }
}
