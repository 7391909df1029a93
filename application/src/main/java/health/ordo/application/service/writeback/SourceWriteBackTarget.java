package health.ordo.application.service.writeback;

import health.ordo.application.port.in.writeback.WriteBack;
import health.ordo.application.port.out.writeback.WriteBackTargetPort;
import health.ordo.domain.shared.TenantId;
import health.ordo.spi.Outcome;
import health.ordo.spi.SourceAdapter;
import health.ordo.spi.SourceUnavailableException;
import health.ordo.spi.WriteBackResult;

import java.util.Set;

/**
 * Writes outcomes back through one source adapter the deployment configures for some source systems (the claims
 * system's FHIR endpoint for items from 835 files and ClaimResponses, say), for every tenant. Without an adapter the
 * outcomes stay queued, visible in the outbox, until one is configured.
 */
public final class SourceWriteBackTarget implements WriteBackTargetPort {

    private final Set<String> systems;
    private final SourceAdapter adapter;
    private final String unconfigured;

    /**
     * @param adapter      the adapter outcomes go through, or null while none is configured
     * @param unconfigured what the outbox says while none is, e.g. which setting to set
     */
    public SourceWriteBackTarget(Set<String> systems, SourceAdapter adapter, String unconfigured) {
        this.systems = Set.copyOf(systems);
        this.adapter = adapter;
        this.unconfigured = unconfigured;
    }

    /** Outcomes of the items inbound channels bring in; a connector's items go back through that connector. */
    @Override
    public boolean handles(TenantId tenant, String sourceSystem, String viaConnector) {
        return viaConnector == null && systems.contains(sourceSystem);
    }

    @Override
    public Delivery deliver(WriteBack writeBack) {
        return adapter == null ? new Delivery(Delivery.Status.NOT_CONFIGURED, unconfigured) : deliver(adapter, writeBack);
    }

    /**
     * One attempt through an adapter: its refusal (the source answered no) counts toward the attempts after which the
     * outbox sets it aside; its outage is retried for as long as it lasts.
     */
    public static Delivery deliver(SourceAdapter adapter, WriteBack writeBack) {
        try {
            WriteBackResult result = adapter.writeBack(new Outcome(writeBack.externalId(), writeBack.resolution(), writeBack.note(),
                    writeBack.idempotencyKey()));
            return new Delivery(switch (result.status()) {
                case APPLIED -> Delivery.Status.APPLIED;
                case ALREADY_APPLIED -> Delivery.Status.ALREADY_APPLIED;
                case FAILED -> Delivery.Status.REFUSED;
            }, result.detail());
        } catch (SourceUnavailableException e) {
            return new Delivery(Delivery.Status.FAILED, e.getMessage());
        }
    }
}
