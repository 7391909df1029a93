package health.ordo.application.service.connector;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;
import health.ordo.spi.WorkItemCommand;

/** Turns the SPI's canonical command into the domain's work item content, refusing what the domain would not accept. */
final class CommandTranslator {

    private CommandTranslator() {
    }

    /** @throws InvalidValueException naming the field at fault */
    static WorkItemContent toContent(WorkItemCommand command) {
        WorkItemType type;
        try {
            type = WorkItemType.valueOf(command.type());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("type", "unknown work item type " + command.type());
        }
        Money money = null;
        java.util.Map<String, Object> attributes = command.attributes();
        if (command.amount() != null) {
            InvalidValueException.require(command.currency() != null, "currency", "an amount needs a currency");
            // A negative amount (a credit memo on hold, a negative net pay) is still money to resolve: its size is at
            // stake, and the item says which way it runs.
            money = new Money(command.amount().abs(), command.currency());
            if (command.amount().signum() < 0) {
                attributes = new java.util.LinkedHashMap<>(attributes);
                attributes.put("signedAmount", command.amount());
            }
        }
        return new WorkItemContent(type, new SourceReference(command.sourceSystem(), command.externalId()), command.title(), money,
                command.dueAt(), command.hardDeadlineAt(), Attributes.of(attributes), null);
    }
}
