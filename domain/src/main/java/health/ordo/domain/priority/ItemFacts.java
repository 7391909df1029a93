package health.ordo.domain.priority;

import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers a policy reasons about, derived once per scoring from an item: amount, business days to the
 * binding deadline, age, likelihood, expected effort, value per effort, supplier criticality, dependency state.
 */
final class ItemFacts {

    /** Typical handling minutes per type when the item does not say ({@code expectedMinutes} attribute). */
    private static final Map<WorkItemType, Double> DEFAULT_MINUTES = Map.ofEntries(
            Map.entry(WorkItemType.CLAIM_DENIAL, 30.0), Map.entry(WorkItemType.UNDERPAYMENT, 25.0),
            Map.entry(WorkItemType.PRIOR_AUTHORIZATION, 20.0), Map.entry(WorkItemType.INVOICE_HOLD, 15.0),
            Map.entry(WorkItemType.PAYMENT_BLOCK, 15.0), Map.entry(WorkItemType.PAYMENT_EXCEPTION, 10.0),
            Map.entry(WorkItemType.SUPPLIER_ONBOARDING, 45.0), Map.entry(WorkItemType.EMPLOYEE_ONBOARDING, 20.0),
            Map.entry(WorkItemType.CREDENTIAL_EXPIRY, 15.0), Map.entry(WorkItemType.RECORDS_REQUEST, 25.0),
            Map.entry(WorkItemType.REFERRAL, 15.0), Map.entry(WorkItemType.DOCUMENT_REVIEW, 5.0));

    final WorkItem item;
    final double amount;
    final String currency;
    /** NaN when the item has no deadline. */
    final double deadlineBusinessDays;
    final double ageDays;
    final double likelihood;
    final double expectedMinutes;
    final double valuePerEffort;
    final double supplierCriticality;
    final String supplierCriticalityBasis;
    final double dependency;
    final String dependencyBasis;

    ItemFacts(ScoringInput input) {
        this.item = input.item();
        WorkItemContent content = item.content();
        Attributes attributes = content.attributes();
        this.amount = content.moneyAtStake() == null ? 0 : content.moneyAtStake().value().doubleValue();
        this.currency = content.moneyAtStake() == null ? "" : content.moneyAtStake().currency();
        Instant deadline = content.bindingDeadline();
        this.deadlineBusinessDays = deadline == null ? Double.NaN : input.calendar().businessDaysBetween(input.now(), deadline);
        this.ageDays = Math.max(0, (input.now().getEpochSecond() - item.createdAt().getEpochSecond()) / 86_400.0);
        this.likelihood = input.likelihood().value();
        double minutes = number(attributes.values().get("expectedMinutes"));
        this.expectedMinutes = minutes > 0 ? minutes : DEFAULT_MINUTES.getOrDefault(content.type(), 20.0);
        this.valuePerEffort = amount * likelihood / expectedMinutes;
        String criticality = attributes.text("supplierCriticality");
        if (criticality != null) {
            this.supplierCriticality = switch (criticality.toUpperCase(Locale.ROOT)) {
                case "CRITICAL" -> 1.0;
                case "HIGH" -> 0.75;
                case "MEDIUM" -> 0.4;
                default -> 0.1;
            };
            this.supplierCriticalityBasis = "supplierCriticality " + criticality;
        } else if (Boolean.TRUE.equals(attributes.values().get("soleSource"))) {
            this.supplierCriticality = 1.0;
            this.supplierCriticalityBasis = "sole-source supplier";
        } else if ("Clinical supplies".equalsIgnoreCase(attributes.text("category"))) {
            this.supplierCriticality = 0.6;
            this.supplierCriticalityBasis = "clinical supplies";
        } else {
            this.supplierCriticality = 0;
            this.supplierCriticalityBasis = attributes.text("supplier") == null ? "no supplier" : "ordinary supplier";
        }
        Object blockedBy = attributes.values().get("blockedBy");
        boolean blocked = blockedBy != null && !Boolean.FALSE.equals(blockedBy) && !"".equals(blockedBy);
        boolean missingInformation = Boolean.TRUE.equals(attributes.values().get("missingInformation"));
        double unblocks = number(attributes.values().get("unblocksCount"));
        if (blocked || missingInformation) {
            this.dependency = 0;
            this.dependencyBasis = blocked ? "blocked by " + blockedBy : "missing information";
        } else if (unblocks > 0) {
            this.dependency = Math.min(1, 0.6 + 0.1 * unblocks);
            this.dependencyBasis = "unblocks " + (long) unblocks + " item(s)";
        } else {
            this.dependency = 0.5;
            this.dependencyBasis = "no dependencies";
        }
    }

    private static double number(Object value) {
        return value instanceof BigDecimal d ? d.doubleValue() : 0;
    }
}
