package health.ordo.adapter.erp.oracle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Oracle hold names mapped to a canonical hold reason an AP team works by, version {@value #VERSION}. Oracle's seeded
 * system holds (Amount, Price, Qty Ord, Qty Rec, Dist Variance, Tax Variance, Matching Required, Final Matching, …) and
 * typical user-defined holds are matched by keyword; anything else is OTHER, never a reason to drop the hold.
 */
public final class HoldReasons {

    public static final String VERSION = "2026-11";

    /** Canonical hold reasons. */
    public enum Reason { AMOUNT_LIMIT, PRICE_VARIANCE, QUANTITY_VARIANCE, MATCHING, TAX, ACCOUNTING, APPROVAL, SUPPLIER, BUDGET, OTHER }

    private static final List<Map.Entry<String, Reason>> KEYWORDS = List.of(
            Map.entry("price", Reason.PRICE_VARIANCE),
            Map.entry("max ship amount", Reason.PRICE_VARIANCE),
            Map.entry("qty", Reason.QUANTITY_VARIANCE),
            Map.entry("quantity", Reason.QUANTITY_VARIANCE),
            Map.entry("amount", Reason.AMOUNT_LIMIT),
            Map.entry("match", Reason.MATCHING),
            Map.entry("tax", Reason.TAX),
            Map.entry("dist", Reason.ACCOUNTING),
            Map.entry("account", Reason.ACCOUNTING),
            Map.entry("approv", Reason.APPROVAL),
            Map.entry("supplier", Reason.SUPPLIER),
            Map.entry("vendor", Reason.SUPPLIER),
            Map.entry("fund", Reason.BUDGET),
            Map.entry("budget", Reason.BUDGET));

    private HoldReasons() {
    }

    public static Reason of(String holdName) {
        if (holdName == null) {
            return Reason.OTHER;
        }
        String name = holdName.toLowerCase(Locale.ROOT);
        return KEYWORDS.stream().filter(k -> name.contains(k.getKey())).map(Map.Entry::getValue).findFirst().orElse(Reason.OTHER);
    }
}
