package health.ordo.domain.priority;

import health.ordo.domain.workitem.WorkItem;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Turns a validated {@link RuleCondition} into a predicate over the scoring context. */
final class Conditions {

    private Conditions() {
    }

    static Predicate<CompiledPolicy.Context> compile(RuleCondition condition) {
        String field = condition.field();
        String operator = condition.operator().toLowerCase(Locale.ROOT);
        if (PolicyDefinition.isNumberField(field)) {
            return number(numberOf(field), operator, condition.value());
        }
        Function<WorkItem, String> text = textOf(field);
        return text(c -> text.apply(c.facts.item), operator, condition.value());
    }

    private static ToDoubleFunction<CompiledPolicy.Context> numberOf(String field) {
        if (field.startsWith("factors.")) {
            int ordinal = PriorityFactor.valueOf(field.substring("factors.".length())).ordinal();
            return c -> c.normalized[ordinal];
        }
        return switch (field) {
            case "amount" -> c -> c.facts.amount;
            case "deadlineBusinessDays" -> c -> c.facts.deadlineBusinessDays;
            case "ageDays" -> c -> c.facts.ageDays;
            case "likelihood" -> c -> c.facts.likelihood;
            case "expectedMinutes" -> c -> c.facts.expectedMinutes;
            case "valuePerEffort" -> c -> c.facts.valuePerEffort;
            case "score" -> c -> c.score;
            default -> throw new IllegalArgumentException("not a number field: " + field);
        };
    }

    private static Function<WorkItem, String> textOf(String field) {
        return switch (field) {
            case "type" -> item -> item.content().type().name();
            case "status" -> item -> item.status().name();
            case "queue" -> WorkItem::queue;
            default -> {
                String name = field.substring("attributes.".length());
                yield item -> item.content().attributes().text(name);
            }
        };
    }

    /** Numbers: a missing value (no deadline) satisfies only "missing". */
    private static Predicate<CompiledPolicy.Context> number(ToDoubleFunction<CompiledPolicy.Context> read, String operator, String value) {
        if (operator.equals("exists")) {
            return c -> !Double.isNaN(read.applyAsDouble(c));
        }
        if (operator.equals("missing")) {
            return c -> Double.isNaN(read.applyAsDouble(c));
        }
        if (operator.equals("in")) {
            double[] values = Arrays.stream(value.split(",")).mapToDouble(v -> Double.parseDouble(v.strip())).toArray();
            return c -> {
                double actual = read.applyAsDouble(c);
                return Arrays.stream(values).anyMatch(v -> v == actual);
            };
        }
        double target = Double.parseDouble(value.strip());
        return switch (operator) {
            case "lt" -> c -> read.applyAsDouble(c) < target;
            case "lte" -> c -> read.applyAsDouble(c) <= target;
            case "gt" -> c -> read.applyAsDouble(c) > target;
            case "gte" -> c -> read.applyAsDouble(c) >= target;
            case "eq" -> c -> read.applyAsDouble(c) == target;
            case "ne" -> c -> {
                double actual = read.applyAsDouble(c);
                return !Double.isNaN(actual) && actual != target;
            };
            default -> throw new IllegalArgumentException("operator " + operator);
        };
    }

    /** Text (and attributes): case-insensitive equality; ordering compares numerically when both sides are numbers. */
    private static Predicate<CompiledPolicy.Context> text(Function<CompiledPolicy.Context, String> read, String operator, String value) {
        switch (operator) {
            case "exists":
                return c -> read.apply(c) != null;
            case "missing":
                return c -> read.apply(c) == null;
            case "in": {
                Set<String> values = Arrays.stream(value.split(",")).map(v -> v.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
                return c -> {
                    String actual = read.apply(c);
                    return actual != null && values.contains(actual.toLowerCase(Locale.ROOT));
                };
            }
            case "eq":
                return c -> value.strip().equalsIgnoreCase(read.apply(c));
            case "ne":
                return c -> read.apply(c) != null && !value.strip().equalsIgnoreCase(read.apply(c));
            default: {
                BigDecimal target = decimal(value);
                return c -> {
                    BigDecimal actual = decimal(read.apply(c));
                    if (actual == null || target == null) {
                        return false;
                    }
                    int comparison = actual.compareTo(target);
                    return switch (operator) {
                        case "lt" -> comparison < 0;
                        case "lte" -> comparison <= 0;
                        case "gt" -> comparison > 0;
                        default -> comparison >= 0;
                    };
                };
            }
        }
    }

    private static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
