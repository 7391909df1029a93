package health.ordo.application.service.connector;

import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.connector.ConnectorRegistryPort;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.application.service.writeback.SourceWriteBackTarget;

/**
 * Write-back through the configured SPI connectors: the outcome of an item a connector brought in goes back through
 * that connector ({@link health.ordo.spi.SourceAdapter#writeBack}), with the outbox's idempotency key, never through
 * another connector or target of the same source system; the outcome of an item an inbound channel brought in goes
 * through a connector of its source system only when no deployment target handles that system.
 */
public final class ConnectorWriteBacks implements WriteBackTargetPort {

    private final ConnectorService connectors;

    public ConnectorWriteBacks(ConnectorService connectors) {
        this.connectors = connectors;
    }

    @Override
    public boolean handles(TenantId tenant, String sourceSystem, String viaConnector) {
        return connectors.connectors(tenant).stream().anyMatch(c -> serves(c, sourceSystem, viaConnector));
    }

    /** The deployment's connectors only; a tenant's stored ones are known to the outbox by their recorded source system. */
    @Override
    public boolean handlesFromDeployment(TenantId tenant, String sourceSystem, String viaConnector) {
        return connectors.deploymentConnectors(tenant).stream().anyMatch(c -> serves(c, sourceSystem, viaConnector));
    }

    @Override
    public boolean throughConnectors() {
        return true;
    }

    @Override
    public Delivery deliver(WriteBack writeBack) {
        return connectors.connectors(writeBack.tenant()).stream()
                .filter(c -> serves(c, writeBack.sourceSystem(), writeBack.viaConnector()))
                .findFirst()
                .map(c -> SourceWriteBackTarget.deliver(c.adapter(), writeBack))
                .orElse(new Delivery(Delivery.Status.NOT_CONFIGURED, (writeBack.viaConnector() == null ? "no connector for "
                        + writeBack.sourceSystem() : "connector " + writeBack.viaConnector() + " (" + writeBack.sourceSystem()
                        + ") is not configured or not enabled") + " in tenant " + writeBack.tenant().value()));
    }

    private static boolean serves(ConnectorRegistryPort.Connector connector, String sourceSystem, String viaConnector) {
        return connector.adapter().system().equals(sourceSystem) && (viaConnector == null || connector.name().equals(viaConnector));
    }
}
