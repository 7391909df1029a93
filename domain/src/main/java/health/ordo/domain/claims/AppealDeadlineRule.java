package health.ordo.domain.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How long a payer gives to appeal a denial, in calendar days from the remittance date. A payer listed by id (or name)
 * has its own limit; Medicare claims (filing indicator MA or MB) get the 120 days of a redetermination request; every
 * other payer gets the default. The deadline is the end of the last day, UTC.
 *
 * @param defaultDays days for a payer without its own rule
 * @param byPayer     days per payer id or payer name, matched case-insensitively
 */
public record AppealDeadlineRule(int defaultDays, Map<String, Integer> byPayer) {

    /** Days Medicare allows for a redetermination request after the initial determination. */
    public static final int MEDICARE_REDETERMINATION_DAYS = 120;

    public AppealDeadlineRule {
        if (defaultDays < 1 || defaultDays > 3650) {
            throw new IllegalArgumentException("ordo.claims.appeal-days must be between 1 and 3650, not " + defaultDays);
        }
        byPayer = Objects.requireNonNullElse(byPayer, Map.<String, Integer>of()).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    }

    /** Days to appeal for this payer; {@code filingIndicator} is CLP06 (MA, MB for Medicare), or null. */
    public int days(String payerId, String payerName, String filingIndicator) {
        for (String key : new String[]{payerId, payerName}) {
            if (key != null && byPayer.containsKey(key.toLowerCase(Locale.ROOT))) {
                return byPayer.get(key.toLowerCase(Locale.ROOT));
            }
        }
        if ("MA".equals(filingIndicator) || "MB".equals(filingIndicator)) {
            return MEDICARE_REDETERMINATION_DAYS;
        }
        return defaultDays;
    }

    /** The end of the last day to appeal. */
    public static Instant deadline(LocalDate remitDate, int days) {
        return remitDate.plusDays(days).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }
}
