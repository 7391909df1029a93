package health.ordo.domain.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money as printed: $1,234.50, 1234.50, USD 1,234.50, $ 640, -$10,000.00, (4,150.00). A figure counts as money only
 * with a currency mark or two decimals, so quantities, codes and years are not read as amounts.
 */
final class Amounts {

    private static final Pattern MONEY = Pattern.compile(
            "(?<![\\w.,/$-])(\\()?(-)?\\s?(USD|US\\$|\\$)?\\s?(-)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{2})?(?![\\d%/]|,\\d|\\.\\d)(\\))?");

    private Amounts() {
    }

    /** An amount found in a text: its value with two decimals, whether it is negative, and where it was. */
    record Found(BigDecimal value, boolean negative, int start, int end) {
        String plain() {
            return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** Every amount in {@code text}, in reading order. */
    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            boolean currency = m.group(3) != null;
            boolean cents = m.group(6) != null;
            if (!currency && !cents) {
                continue;
            }
            BigDecimal value = new BigDecimal(m.group(5).replace(",", "") + (cents ? m.group(6) : ""));
            boolean negative = m.group(2) != null || m.group(4) != null || (m.group(1) != null && m.group(7) != null);
            out.add(new Found(value.setScale(2, RoundingMode.HALF_UP), negative, m.start(), m.end()));
        }
        return out;
    }

    /** The first amount in {@code text}, or null. */
    static Found first(String text) {
        List<Found> all = find(text);
        return all.isEmpty() ? null : all.get(0);
    }
}
