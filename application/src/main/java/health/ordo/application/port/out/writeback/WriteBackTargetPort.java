package health.ordo.application.port.out.writeback;

import health.ordo.domain.shared.TenantId;

import health.ordo.application.port.in.writeback.WriteBack;

/** Delivers write-backs for some source systems (a claims system over FHIR, an ERP over its REST API). */
public interface WriteBackTargetPort {

    /**
     * Whether outcomes of items from this source system go through this target (configured or not).
     *
     * @param viaConnector the connector that brought the item in ({@link WriteBack#viaConnector}), or null
     */
    boolean handles(TenantId tenant, String sourceSystem, String viaConnector);

    /**
     * {@link #handles}, counting only what the deployment configures (no database read). A target that also serves
     * tenants' stored connectors leaves those to the outbox's conditional insert
     * ({@link WriteBackOutboxPort#enqueueIfConnector}), which decides them inside the completing transaction.
     */
    default boolean handlesFromDeployment(TenantId tenant, String sourceSystem, String viaConnector) {
        return handles(tenant, sourceSystem, viaConnector);
    }

    /**
     * Whether this target delivers through the connectors that bring items in. When an item no connector brought in has
     * a source system that both such a target and a deployment target handle, the deployment's target takes it.
     */
    default boolean throughConnectors() {
        return false;
    }

    /** One attempt; must be idempotent on {@link WriteBack#idempotencyKey()}. */
    Delivery deliver(WriteBack writeBack);

    /**
     * What an attempt did. {@code FAILED}: the target could not be reached or erred (an outage; retried for as long as
     * it takes); {@code REFUSED}: the target answered and refused it (counts toward the attempts after which it is set
     * aside); {@code NOT_CONFIGURED}: no endpoint yet; the write-back stays queued.
     */
    record Delivery(Status status, String detail) {
        public enum Status { APPLIED, ALREADY_APPLIED, FAILED, REFUSED, NOT_CONFIGURED }
    }
}
