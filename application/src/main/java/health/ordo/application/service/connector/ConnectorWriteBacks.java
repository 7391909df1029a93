package health.ordo.application.service.connector;

import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.application.service.writeback.SourceWriteBackTarget;

/**
 * Write-back through the configured SPI connectors: an outcome for an item from a connector's source system goes to that
 * tenant's connector ({@link health.ordo.spi.SourceAdapter#writeBack}), with the outbox's idempotency key.
 */
public final class ConnectorWriteBacks implements WriteBackTargetPort {

    private final ConnectorService connectors;

    public ConnectorWriteBacks(ConnectorService connectors) {
        this.connectors = connectors;
    }

    @Override
    public boolean handles(TenantId tenant, String sourceSystem) {
        return connectors.connectors(tenant).stream().anyMatch(c -> c.adapter().system().equals(sourceSystem));
    }

    /** The deployment's connectors only; a tenant's stored ones are known to the outbox by their recorded source system. */
    @Override
    public boolean handlesFromDeployment(TenantId tenant, String sourceSystem) {
        return connectors.deploymentConnectors(tenant).stream().anyMatch(c -> c.adapter().system().equals(sourceSystem));
    }

    @Override
    public Delivery deliver(WriteBack writeBack) {
        return connectors.connectors(writeBack.tenant()).stream()
                .filter(c -> c.adapter().system().equals(writeBack.sourceSystem()))
                .findFirst()
                .map(c -> SourceWriteBackTarget.deliver(c.adapter(), writeBack))
                .orElse(new Delivery(Delivery.Status.NOT_CONFIGURED, "no connector for " + writeBack.sourceSystem()
                        + " in tenant " + writeBack.tenant().value()));
    }
}
