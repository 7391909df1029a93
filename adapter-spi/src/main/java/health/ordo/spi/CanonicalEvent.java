package health.ordo.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A business event named in the past tense ({@code InvoiceReceived}, {@code SupplierApproved}, {@code EmployeeOnboarded},
 * {@code PaymentExceptionEscalated}) with its facts.
 */
public record CanonicalEvent(String type, Instant occurredAt, Map<String, String> data) {

    public CanonicalEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
