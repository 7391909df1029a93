package health.ordo.application.port.in.operations;

/** Reads the platform's operational state across all tenants (for the operator's monitoring, never a tenant's user). */
public interface ObserveOperationsUseCase {

    OperationsSnapshot snapshot();
}
