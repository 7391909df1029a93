package health.ordo.adapter.persistence.writeback;

import health.ordo.adapter.persistence.PersistenceTestSupport;
import health.ordo.adapter.persistence.Sql;
import health.ordo.application.port.in.connector.ConnectorConfig;
import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.connector.ConnectorConfigPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.port.out.writeback.WriteBackOutboxPort;
import health.ordo.domain.shared.Money;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A completion's write-back for a source no deployment target handles is queued by the insert itself, on the condition
 * that the tenant has an enabled stored connector recorded for that source system; on real PostgreSQL with row-level
 * security, so another tenant's connector never counts.
 */
@MicronautTest(transactional = false)
@Property(name = "ordo.secrets.key", value = "conditional-write-back-test-key-0123456789")
class ConditionalWriteBackTest extends PersistenceTestSupport {

    @Inject
    SaveWorkItemPort items;
    @Inject
    WriteBackOutboxPort outbox;
    @Inject
    ConnectorConfigPort configs;

    private TenantId tenant;
    private TenantId other;

    @BeforeEach
    void twoTenants() {
        tenant = newTenant("wb");
        other = newTenant("wb-other");
    }

    private void connector(TenantId owner, String id, boolean enabled, String system) {
        ConnectorConfig config = new ConnectorConfig(id, "oracle-fusion-invoice-holds", URI.create("https://erp.example"), 100,
                Duration.ofMinutes(5), enabled, Map.of("username", "u"), Set.of("password"), 1, Instant.now(), "ada@x");
        tx.inTransaction(owner, () -> {
            configs.save(owner, config, Map.of("password", "p"), system);
            return null;
        });
    }

    /** Completes an item of {@code system} with the conditional write-back, as a completion does; answers whether it was queued. */
    private boolean completeFrom(String system) {
        return completeFrom(system, null);
    }

    private boolean completeFrom(String system, String viaConnector) {
        WorkItem item = WorkItem.create(tenant, new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference(system,
                UUID.randomUUID().toString()), "Hold", Money.of("10.00", "USD"), null, null, Attributes.of(Map.of()), null), Actor.SYSTEM,
                Instant.now());
        tx.inTransaction(tenant, () -> items.insertIfSourceAbsent(item, item.pullChanges()));
        tx.inTransaction(tenant, () -> {
            outbox.enqueueIfConnector(new WriteBack(UUID.randomUUID(), tenant, item.id(), system, item.content().source().externalId(),
                    "RELEASED", null, item.id().value() + ":RELEASED", WriteBack.Status.PENDING, 0, Instant.now(), null, Instant.now(), null, viaConnector));
            return null;
        });
        return tx.readOnly(tenant, () -> Sql.query(jdbc, "select count(*) from write_back where work_item_id = ?", rs -> rs.getLong(1),
                item.id().value()).get(0)) == 1;
    }

    @Test
    void anItemAConnectorBroughtIn_isQueuedOnlyWhileThatConnectorIsStored_notAnotherOfItsSourceSystem() {
        connector(tenant, "payer-a", true, "fhir-claimresponse");

        assertThat(completeFrom("fhir-claimresponse", "payer-a")).isTrue();
        assertThat(completeFrom("fhir-claimresponse", "payer-b")).as("brought in by a connector no longer stored").isFalse();
        String via = tx.readOnly(tenant, () -> Sql.query(jdbc, "select via_connector from write_back where via_connector is not null",
                rs -> rs.getString(1)).get(0));
        assertThat(via).isEqualTo("payer-a");
        assertThat(tx.readOnly(tenant, () -> outbox.list(tenant, null, 10)))
                .extracting(WriteBack::viaConnector).containsExactly("payer-a");
    }

    @Test
    void queuedWhenAnEnabledStoredConnectorServesTheSourceSystem() {
        connector(tenant, "oracle-api", true, "oracle-fusion");

        assertThat(completeFrom("oracle-fusion")).isTrue();
        assertThat(completeFrom("sap-s4hana")).as("a source system no connector serves").isFalse();
    }

    @Test
    void queuedForADisabledConnectorToo_soNoCompletionIsLostWhileItIsOff() {
        connector(tenant, "oracle-off", false, "oracle-fusion");

        assertThat(completeFrom("oracle-fusion")).isTrue();
    }

    @Test
    void notQueuedForAnotherTenantsConnector_orOneWhoseSystemIsNotRecordedYet() {
        connector(other, "oracle-theirs", true, "workday");
        connector(tenant, "legacy", true, null);

        assertThat(completeFrom("workday")).isFalse();

        assertThat(tx.readAcrossTenants(configs::lackingSourceSystem)).anyMatch(s -> s.tenant().equals(tenant)
                && s.config().id().equals("legacy"));
        tx.inTransaction(tenant, () -> {
            configs.recordSourceSystem(tenant, "legacy", "workday");
            return null;
        });
        assertThat(tx.readAcrossTenants(configs::lackingSourceSystem)).noneMatch(s -> s.tenant().equals(tenant));
        assertThat(completeFrom("workday")).as("once its source system is recorded").isTrue();
    }
}
