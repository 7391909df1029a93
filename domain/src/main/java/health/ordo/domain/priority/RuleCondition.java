package health.ordo.domain.priority;

/**
 * One typed condition of a decision rule, e.g. {@code deadlineBusinessDays lte 2} or {@code attributes.payer eq Aetna}.
 * Fields: {@code amount, deadlineBusinessDays, ageDays, likelihood, expectedMinutes, valuePerEffort, score, type,
 * status, queue, attributes.<name>, factors.<FACTOR>} (a factor's normalized value). Operators: {@code lt, lte, gt,
 * gte, eq, ne, in} (value: comma-separated list), {@code exists, missing} (no value).
 */
public record RuleCondition(String field, String operator, String value) {
}
