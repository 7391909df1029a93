package health.ordo.adapter.web.workitem;

import health.ordo.adapter.web.problem.InvalidRequestException;
import health.ordo.adapter.web.problem.Problem.FieldError;
import health.ordo.adapter.web.workitem.WorkItemDtos.CreateWorkItemRequest;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemStatus;
import health.ordo.domain.workitem.WorkItemType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Validates a create request at the edge and turns it into the domain's {@link WorkItemContent}, collecting
 * every field at fault (not just the first) under its JSON path, e.g. {@code items[3].amount.value}.
 */
final class WorkItemRequestReader {

    private WorkItemRequestReader() {
    }

    private static final List<String> TEXT_FIELDS = List.of("type", "title", "dueAt", "hardDeadlineAt", "queue");

    /**
     * Reads one work item from parsed JSON: first checks the JSON kind of every known field (so a wrong type is
     * reported under its own name, which the generic binder cannot do), then binds and validates it.
     *
     * @throws InvalidRequestException listing every field at fault
     */
    static WorkItemContent read(JsonNode node, String prefix, JsonMapper json) {
        String self = prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(List.of(new FieldError(self, "a work item must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            expect(node.get(field), prefix + field, errors, JsonNode::isString, "a string");
        }
        if (expect(node.get("source"), prefix + "source", errors, JsonNode::isObject, "an object {system, externalId}")) {
            JsonNode source = node.get("source");
            expect(source.get("system"), prefix + "source.system", errors, JsonNode::isString, "a string");
            expect(source.get("externalId"), prefix + "source.externalId", errors, n -> n.isString() || n.isNumber(), "a string");
        }
        if (expect(node.get("amount"), prefix + "amount", errors, JsonNode::isObject, "an object {value, currency}")) {
            JsonNode amount = node.get("amount");
            expect(amount.get("value"), prefix + "amount.value", errors, n -> n.isString() || n.isNumber(), "a decimal string or number");
            expect(amount.get("currency"), prefix + "amount.currency", errors, JsonNode::isString, "a string");
        }
        if (expect(node.get("attributes"), prefix + "attributes", errors, JsonNode::isObject, "a flat JSON object")) {
            for (var entry : node.get("attributes").entries()) {
                expect(entry.getValue(), prefix + "attributes." + entry.getKey(), errors,
                        n -> n.isString() || n.isNumber() || n.isBoolean(), "a string, number or boolean");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        try {
            return toContent(json.readValueFromTree(node, CreateWorkItemRequest.class), prefix);
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new FieldError(self, "the work item could not be read")));
        }
    }

    /** @return true when the value is present and of the expected kind */
    private static boolean expect(JsonNode value, String field, List<FieldError> errors,
                                  java.util.function.Predicate<JsonNode> kind, String expected) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!kind.test(value)) {
            errors.add(new FieldError(field, field + " must be " + expected));
            return false;
        }
        return true;
    }

    /** @throws InvalidRequestException listing every field at fault */
    static WorkItemContent toContent(CreateWorkItemRequest request, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldError(prefix.isEmpty() ? "body" : prefix.replaceAll("\\.$", ""),
                    "a work item object is required")));
        }
        WorkItemType type = read(errors, prefix, () -> parseEnum(WorkItemType.class, request.type(), "type"));
        SourceReference source = read(errors, prefix, () -> {
            InvalidValueException.require(request.source() != null, "source", "source is required");
            return new SourceReference(request.source().system(), request.source().externalId());
        });
        Money amount = read(errors, prefix, () -> money(request));
        Instant dueAt = read(errors, prefix, () -> instant(request.dueAt(), "dueAt"));
        Instant hardDeadlineAt = read(errors, prefix, () -> instant(request.hardDeadlineAt(), "hardDeadlineAt"));
        Attributes attributes = read(errors, prefix, () -> Attributes.of(request.attributes() == null ? Map.of() : request.attributes()));
        if (request.title() == null || request.title().isBlank()) {
            errors.add(new FieldError(prefix + "title", "title is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        WorkItemContent content = read(errors, prefix, () -> new WorkItemContent(type, source, request.title(), amount,
                dueAt, hardDeadlineAt, attributes, request.queue()));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return content;
    }

    private static Money money(CreateWorkItemRequest request) {
        if (request.amount() == null) {
            return null;
        }
        String value = request.amount().value();
        InvalidValueException.require(value != null && !value.isBlank(), "amount.value", "amount.value is required");
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount.value", "amount.value must be a decimal number such as 1234.50");
        }
        return new Money(decimal, request.amount().currency());
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be an ISO-8601 date-time with offset, e.g. 2030-01-15T17:00:00Z");
        }
    }

    /** Parses an enum by name; unknown names are refused listing the known ones. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field) {
        InvalidValueException.require(text != null && !text.isBlank(), field, field + " is required");
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " '" + abbreviate(text) + "' is unknown; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Like {@link #parseEnum} but null when the text is absent (optional query parameters). */
    static <E extends Enum<E>> E parseOptionalEnum(Class<E> type, String text, String field) {
        return text == null || text.isBlank() ? null : parseEnum(type, text, field);
    }

    static WorkItemStatus parseStatus(String text) {
        return parseOptionalEnum(WorkItemStatus.class, text, "status");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static <T> T read(List<FieldError> errors, String prefix, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(prefix + e.field(), e.getMessage()));
            return null;
        }
    }
}
