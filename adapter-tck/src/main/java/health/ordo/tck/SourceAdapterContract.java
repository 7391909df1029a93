package health.ordo.tck;

import health.ordo.spi.plugin.ConnectorSettings;
import health.ordo.spi.Cursor;
import health.ordo.spi.HealthReport;
import health.ordo.spi.Outcome;
import health.ordo.spi.PullResult;
import health.ordo.spi.plugin.SettingDescriptor;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.plugin.SourceAdapterProvider;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WriteBackResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of a source adapter. Extend it, return a fresh fixture and adapter per test, and every rule below is
 * checked against your adapter: idempotent re-delivery, gap-free and repeat-free resumption from a cursor, rejection of
 * malformed records without losing good ones, idempotent write-back across retries, and health that follows the source.
 */
public abstract class SourceAdapterContract {

    /** A fresh fake source for one test. */
    protected abstract SourceFixture newFixture();

    /** An adapter on the fixture's source; called again to simulate a restart (it must keep no state of its own). */
    protected abstract SourceAdapter newAdapter(SourceFixture fixture);

    /**
     * The connector type the adapter's {@link SourceAdapterProvider} registers, for the registration check: the type a
     * deployment would configure, found by {@link ServiceLoader} from
     * {@code META-INF/services/health.ordo.spi.plugin.SourceAdapterProvider}. Null (the default) skips that check, for adapters
     * not packaged as a plug-in yet.
     */
    protected String connectorType() {
        return null;
    }

    /** The settings of a connector of {@link #connectorType()} on the fixture's source (needed with a connector type). */
    protected ConnectorSettings connectorSettings(SourceFixture fixture) {
        throw new UnsupportedOperationException("override connectorSettings(fixture) when connectorType() names a type");
    }

    /** Batch size the TCK pulls with; small, to exercise paging. */
    protected int pageSize() {
        return 3;
    }

    /** Drains the source from a cursor, page by page, into the list; returns the cursor after the last page. */
    private Cursor drain(SourceAdapter adapter, Cursor from, List<PullResult> pages) {
        Cursor cursor = from;
        for (int guard = 0; guard < 10_000; guard++) {
            PullResult page = adapter.pull(cursor, pageSize());
            pages.add(page);
            assertNotNull(page.next(), "a pull always says where the next one starts");
            cursor = page.next();
            if (!page.hasMore()) {
                return cursor;
            }
        }
        throw new AssertionError("the source never reported its end");
    }

    /** A record a page delivered: a work item command, or a claim payment of a claims source. */
    private record Delivered(String sourceSystem, String externalId, Object content) {
    }

    private static List<Delivered> records(List<PullResult> pages) {
        List<Delivered> all = new ArrayList<>();
        pages.forEach(page -> all.addAll(records(page)));
        return all;
    }

    private static List<Delivered> records(PullResult page) {
        List<Delivered> all = new ArrayList<>();
        page.commands().forEach(c -> all.add(new Delivered(c.sourceSystem(), c.externalId(), c)));
        page.payments().forEach(p -> all.add(new Delivered(p.sourceSystem(), p.externalId(), p)));
        return all;
    }

    @Test
    void redeliveringTheSameRecords_yieldsTheSameKeysAndContent_soNothingIsDuplicated() {
        SourceFixture fixture = newFixture();
        fixture.addValidRecords(5);

        List<Delivered> first = records(pagesFromStart(newAdapter(fixture)));
        List<Delivered> again = records(pagesFromStart(newAdapter(fixture)));

        Map<String, Delivered> ingested = new HashMap<>();
        int created = 0;
        for (Delivered command : first) {
            created += ingested.put(command.sourceSystem() + "/" + command.externalId(), command) == null ? 1 : 0;
        }
        for (Delivered command : again) {
            Delivered known = ingested.get(command.sourceSystem() + "/" + command.externalId());
            assertNotNull(known, "re-delivery must not invent new records: " + command.externalId());
            assertEquals(known, command, "re-delivery must carry the same content for " + command.externalId());
        }
        assertEquals(5, created);
        assertEquals(5, again.size());
    }

    @Test
    void registration_oneProviderOfTheType_describesItsSettings_refusesAMissingOne_andBuildsAWorkingAdapter() {
        assumeTrue(connectorType() != null, "the adapter names no connector type: registration not checked");
        List<SourceAdapterProvider> providers = ServiceLoader.load(SourceAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> connectorType().equals(p.type())).toList();
        assertEquals(1, providers.size(), "exactly one SourceAdapterProvider of type " + connectorType()
                + " is named in META-INF/services/" + SourceAdapterProvider.class.getName());
        SourceAdapterProvider provider = providers.get(0);
        assertTrue(connectorType().matches("[a-z0-9][a-z0-9-]{0,62}"), "a type name is lower-case letters, digits and dashes");
        assertFalse(provider.description().isBlank(), "the type describes itself for administrators");
        Set<String> names = new HashSet<>();
        provider.settings().forEach(setting -> assertTrue(names.add(setting.name()), "setting " + setting.name() + " is described once"));

        SourceFixture fixture = newFixture();
        fixture.addValidRecords(4);
        ConnectorSettings settings = connectorSettings(fixture);
        assertEquals(connectorType(), settings.type());
        for (SettingDescriptor setting : provider.settings()) {
            if (setting.required()) {
                assertTrue(settings.option(setting.name()).isPresent(), "connectorSettings sets the required " + setting.name());
                Map<String, String> without = new HashMap<>(settings.options());
                without.remove(setting.name());
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> provider.create(
                        new ConnectorSettings(settings.name(), settings.tenant(), settings.type(), settings.baseUrl(), without, settings.http())),
                        "a connector without " + setting.name() + " is refused when it is built, not at its first sync");
                assertTrue(String.valueOf(refused.getMessage()).contains(setting.name()), "the refusal names " + setting.name());
            }
        }
        assertEquals(4, records(pagesFromStart(provider.create(settings))).size(), "the provider's adapter reads the source");
    }

    private List<PullResult> pagesFromStart(SourceAdapter adapter) {
        List<PullResult> pages = new ArrayList<>();
        drain(adapter, Cursor.START, pages);
        return pages;
    }

    @Test
    void resumingFromACursor_skipsNothingAndRepeatsNothing() {
        SourceFixture fixture = newFixture();
        fixture.addValidRecords(8);

        PullResult firstPage = newAdapter(fixture).pull(Cursor.START, pageSize());
        List<PullResult> rest = new ArrayList<>();
        Cursor end = drain(newAdapter(fixture), firstPage.next(), rest);
        fixture.addValidRecords(2);
        List<PullResult> later = new ArrayList<>();
        drain(newAdapter(fixture), end, later);

        List<String> keys = new ArrayList<>();
        records(firstPage).forEach(c -> keys.add(c.externalId()));
        records(rest).forEach(c -> keys.add(c.externalId()));
        Set<String> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), "a record was delivered twice: " + keys);
        assertEquals(8, distinct.size(), "a record was skipped: " + keys);
        List<Delivered> newer = records(later);
        assertEquals(2, newer.size(), "resuming from the end must return exactly the new records");
        newer.forEach(c -> assertFalse(distinct.contains(c.externalId()), "an old record came back: " + c.externalId()));
    }

    @Test
    void malformedRecord_isRejectedWithAReason_andTheGoodOnesInTheBatchAreKept() {
        SourceFixture fixture = newFixture();
        fixture.addValidRecords(2);
        fixture.addMalformedRecord();
        fixture.addValidRecords(2);

        List<PullResult> pages = pagesFromStart(newAdapter(fixture));

        assertEquals(4, records(pages).size());
        List<String> reasons = new ArrayList<>();
        pages.forEach(page -> page.rejections().forEach(r -> reasons.add(r.reason())));
        assertEquals(1, reasons.size(), "exactly the malformed record is rejected");
        assertFalse(reasons.get(0) == null || reasons.get(0).isBlank(), "a rejection says why");
    }

    @Test
    void writeBackRetriedAfterAFailure_isAppliedExactlyOnce() {
        SourceFixture fixture = newFixture();
        fixture.addValidRecords(1);
        SourceAdapter adapter = newAdapter(fixture);
        Delivered record = records(adapter.pull(Cursor.START, pageSize())).get(0);
        Outcome outcome = new Outcome(record.externalId(), "RELEASED", "released by the TCK", UUID.randomUUID().toString());

        fixture.failNextCalls(1);
        WriteBackResult failed;
        try {
            failed = adapter.writeBack(outcome);
        } catch (SourceUnavailableException e) {
            failed = new WriteBackResult(WriteBackResult.Status.FAILED, e.getMessage());
        }
        WriteBackResult retried = adapter.writeBack(outcome);
        WriteBackResult again = newAdapter(fixture).writeBack(outcome);

        assertEquals(WriteBackResult.Status.FAILED, failed.status());
        assertEquals(WriteBackResult.Status.APPLIED, retried.status());
        assertNotEquals(WriteBackResult.Status.FAILED, again.status());
        assertEquals(1, fixture.timesApplied(outcome.idempotencyKey()), "a retried write-back must apply once");
    }

    @Test
    void health_turnsDegradedWhileTheSourceFails_andBackToUp() {
        SourceFixture fixture = newFixture();
        fixture.addValidRecords(1);
        SourceAdapter adapter = newAdapter(fixture);
        assertEquals(HealthReport.Status.UP, adapter.health().status());

        fixture.failNextCalls(1_000);
        assertThrows(SourceUnavailableException.class, () -> adapter.pull(Cursor.START, pageSize()));
        HealthReport degraded = adapter.health();
        fixture.failNextCalls(0);
        adapter.pull(Cursor.START, pageSize());

        assertNotEquals(HealthReport.Status.UP, degraded.status());
        assertTrue(degraded.reason() != null && !degraded.reason().isBlank(), "a degraded report says why");
        assertEquals(HealthReport.Status.UP, adapter.health().status());
    }
}
