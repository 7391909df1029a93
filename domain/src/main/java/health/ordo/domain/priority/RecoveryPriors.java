package health.ordo.domain.priority;

import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemType;

import java.util.Map;

/**
 * Deterministic recovery priors: what share of items of a reason group is usually recovered, used when a
 * tenant has no history yet and whenever the learned model is unavailable. Figures are conservative industry
 * rules of thumb (denials for missing information are mostly recoverable, timely-filing denials rarely).
 * The reason group is read from the item: CARC code for claims, hold name for invoice holds, blocking reason for
 * payment blocks.
 */
public final class RecoveryPriors {

    private static final Map<String, Double> CARC = Map.ofEntries(
            Map.entry("16", 0.75), Map.entry("4", 0.70), Map.entry("197", 0.55), Map.entry("22", 0.60),
            Map.entry("97", 0.40), Map.entry("50", 0.35), Map.entry("109", 0.45), Map.entry("27", 0.20),
            Map.entry("29", 0.10), Map.entry("18", 0.05), Map.entry("45", 0.50));
    private static final Map<String, Double> HOLD = Map.of("QTY REC", 0.90, "PRICE", 0.85, "AMT ORD", 0.85,
            "QTY ORD", 0.85, "DIST VARIANCE", 0.90, "NEED RECEIPT", 0.90);
    private static final Map<WorkItemType, Double> BY_TYPE = Map.of(
            WorkItemType.CLAIM_DENIAL, 0.45, WorkItemType.UNDERPAYMENT, 0.55, WorkItemType.PRIOR_AUTHORIZATION, 0.80,
            WorkItemType.INVOICE_HOLD, 0.85, WorkItemType.PAYMENT_BLOCK, 0.85, WorkItemType.PAYMENT_EXCEPTION, 0.90,
            WorkItemType.SUPPLIER_ONBOARDING, 0.90, WorkItemType.EMPLOYEE_ONBOARDING, 0.95, WorkItemType.CREDENTIAL_EXPIRY, 0.95);

    private RecoveryPriors() {
    }

    /** The reason group an item belongs to, e.g. {@code CARC 50}, {@code HOLD PRICE}, or its type. */
    public static String reasonGroup(WorkItem item) {
        var attributes = item.content().attributes();
        return switch (item.content().type()) {
            case CLAIM_DENIAL, UNDERPAYMENT -> attributes.text("carc") == null ? item.content().type().name()
                    : "CARC " + attributes.text("carc");
            case INVOICE_HOLD -> attributes.text("holdName") == null ? "INVOICE_HOLD" : "HOLD " + attributes.text("holdName");
            case PAYMENT_BLOCK -> attributes.text("paymentBlockingReason") == null ? "PAYMENT_BLOCK"
                    : "BLOCK " + attributes.text("paymentBlockingReason");
            default -> item.content().type().name();
        };
    }

    /** The prior for an item; never fails. */
    public static LikelihoodEstimate priorFor(WorkItem item) {
        var attributes = item.content().attributes();
        String carc = attributes.text("carc");
        if (carc != null && CARC.containsKey(carc)) {
            return LikelihoodEstimate.of(CARC.get(carc), "prior: CARC " + carc);
        }
        String hold = attributes.text("holdName");
        if (hold != null && HOLD.containsKey(hold)) {
            return LikelihoodEstimate.of(HOLD.get(hold), "prior: hold " + hold);
        }
        WorkItemType type = item.content().type();
        return LikelihoodEstimate.of(BY_TYPE.getOrDefault(type, 0.5), "prior: " + type);
    }
}
