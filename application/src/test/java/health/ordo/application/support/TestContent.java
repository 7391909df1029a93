package health.ordo.application.support;

import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Instant;
import java.util.Map;

/** Test data: invoice holds that differ only where a test says so. */
public final class TestContent {

    private TestContent() {
    }

    public static WorkItemContent anInvoiceHold(String externalId) {
        return anInvoiceHold(externalId, "1234.50");
    }

    public static WorkItemContent anInvoiceHold(String externalId, String amount) {
        return new WorkItemContent(WorkItemType.INVOICE_HOLD, new SourceReference("oracle-fusion", externalId),
                "Invoice on price hold", Money.of(amount, "USD"), Instant.parse("2030-01-15T17:00:00Z"), null,
                Attributes.of(Map.of("supplier", "Medline Industries", "holdName", "PRICE")), null);
    }
}
