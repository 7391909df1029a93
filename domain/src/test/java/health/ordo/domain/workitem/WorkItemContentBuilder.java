package health.ordo.domain.workitem;

import health.ordo.domain.shared.Money;

import java.time.Instant;
import java.util.Map;

/** Test data: a realistic claim denial with sensible defaults, changed one field at a time. */
public final class WorkItemContentBuilder {

    private WorkItemType type = WorkItemType.CLAIM_DENIAL;
    private SourceReference source = new SourceReference("payer-835", "CLP-000123");
    private String title = "Denied claim CO-197: precertification absent";
    private Money money = Money.of("1200.00", "USD");
    private Instant dueAt = Instant.parse("2030-01-15T17:00:00Z");
    private Instant hardDeadlineAt;
    private Map<String, Object> attributes = Map.of("payer", "Aetna", "carc", "197");
    private String queue;

    public static WorkItemContentBuilder aClaimDenial() {
        return new WorkItemContentBuilder();
    }

    public WorkItemContentBuilder withType(WorkItemType type) {
        this.type = type;
        return this;
    }

    public WorkItemContentBuilder withExternalId(String externalId) {
        this.source = new SourceReference(source.system(), externalId);
        return this;
    }

    public WorkItemContentBuilder withTitle(String title) {
        this.title = title;
        return this;
    }

    public WorkItemContentBuilder withAmount(String amount) {
        this.money = amount == null ? null : Money.of(amount, "USD");
        return this;
    }

    public WorkItemContentBuilder withDueAt(Instant dueAt) {
        this.dueAt = dueAt;
        return this;
    }

    public WorkItemContentBuilder withHardDeadlineAt(Instant hardDeadlineAt) {
        this.hardDeadlineAt = hardDeadlineAt;
        return this;
    }

    public WorkItemContentBuilder withAttributes(Map<String, Object> attributes) {
        this.attributes = attributes;
        return this;
    }

    public WorkItemContentBuilder withQueue(String queue) {
        this.queue = queue;
        return this;
    }

    public WorkItemContent build() {
        return new WorkItemContent(type, source, title, money, dueAt, hardDeadlineAt, Attributes.of(attributes), queue);
    }
}
