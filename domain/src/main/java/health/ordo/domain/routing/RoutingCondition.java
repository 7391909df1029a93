package health.ordo.domain.routing;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.workitem.WorkItem;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * One condition of a routing rule over an arriving item: {@code type}, {@code sourceSystem}, {@code amount} or
 * {@code attributes.<name>} (e.g. payer, site, language), with {@code eq, ne, in, lt, lte, gt, gte, exists}.
 * Text compares case-insensitively; ordering operators compare numbers.
 */
public record RoutingCondition(String field, String operator, String value) {

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "in", "lt", "lte", "gt", "gte", "exists");

    public RoutingCondition {
        InvalidValueException.require(field != null && (Set.of("type", "sourceSystem", "amount").contains(field)
                || field.startsWith("attributes.") && field.length() > 11), "field",
                "field is type, sourceSystem, amount or attributes.<name>");
        operator = operator == null ? null : operator.toLowerCase(Locale.ROOT);
        InvalidValueException.require(operator != null && OPERATORS.contains(operator), "operator", "operator is one of " + OPERATORS);
        InvalidValueException.require(operator.equals("exists") || value != null && !value.isBlank(), "value",
                "operator " + operator + " needs a value");
        if (Set.of("lt", "lte", "gt", "gte").contains(operator)) {
            InvalidValueException.require(decimal(value) != null, "value", "operator " + operator + " needs a number");
        }
        if (field.equals("type") && !operator.equals("exists")) {
            // a misspelt type (CLAIM_DENIALS) would make the rule never match, silently
            for (String type : operator.equals("in") ? value.split(",") : new String[]{value}) {
                boolean known = java.util.Arrays.stream(health.ordo.domain.workitem.WorkItemType.values())
                        .anyMatch(t -> t.name().equalsIgnoreCase(type.strip()));
                InvalidValueException.require(known, "value", "type is one of "
                        + java.util.Arrays.toString(health.ordo.domain.workitem.WorkItemType.values()));
            }
        }
    }

    public boolean matches(WorkItem item) {
        String actual = read(item);
        return switch (operator) {
            case "exists" -> actual != null;
            case "eq" -> value.strip().equalsIgnoreCase(actual);
            case "ne" -> actual != null && !value.strip().equalsIgnoreCase(actual);
            case "in" -> actual != null && Arrays.stream(value.split(",")).anyMatch(v -> v.strip().equalsIgnoreCase(actual));
            default -> {
                BigDecimal left = decimal(actual);
                if (left == null) {
                    yield false;
                }
                int comparison = left.compareTo(decimal(value));
                yield switch (operator) {
                    case "lt" -> comparison < 0;
                    case "lte" -> comparison <= 0;
                    case "gt" -> comparison > 0;
                    default -> comparison >= 0;
                };
            }
        };
    }

    private String read(WorkItem item) {
        return switch (field) {
            case "type" -> item.content().type().name();
            case "sourceSystem" -> item.content().source().system();
            case "amount" -> item.content().moneyAtStake() == null ? null : item.content().moneyAtStake().value().toPlainString();
            default -> item.content().attributes().text(field.substring("attributes.".length()));
        };
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
